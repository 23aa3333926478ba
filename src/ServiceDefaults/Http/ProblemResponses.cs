using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ServiceManufacturing.ServiceDefaults.Http;

/// <summary>Every error a service returns is RFC 9457 problem details, in Chinese and English, without internals.</summary>
public static class ProblemResponses
{
    /// <summary>The largest JSON body a service accepts; uploads set their own limit per endpoint.</summary>
    public const long MaxJsonBodyBytes = 256 * 1024;

    /// <summary>Registers problem details, the exception mapping, strict JSON and the body size limit.</summary>
    public static IServiceCollection AddProblemResponses(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Instance ??= context.HttpContext.Request.Path;
            // Statuses the framework answers itself (an unknown route, a wrong method or content type) get a rule too.
            if (!context.ProblemDetails.Extensions.ContainsKey("code")
                && PlatformRules.ForStatus(context.ProblemDetails.Status) is { } rule)
            {
                context.ProblemDetails.Type = ProblemExceptionHandler.TypeOf(rule);
                context.ProblemDetails.Title = rule.En;
                context.ProblemDetails.Extensions["code"] = rule.Code;
                context.ProblemDetails.Extensions["titleZh"] = rule.Zh;
            }
            context.ProblemDetails.Extensions["traceId"] =
                Activity.Current?.TraceId.ToString() ?? context.HttpContext.TraceIdentifier;
        });
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IProblemDetailsWriter, ProblemJsonWriter>());
        services.AddExceptionHandler<ProblemExceptionHandler>();
        // Minimal APIs then raise malformed JSON, a wrong content type and the like as
        // BadHttpRequestException, which the handler answers with the right 4xx.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.Configure<JsonOptions>(options => Configure(options.SerializerOptions));
        services.Configure<KestrelServerOptions>(options => options.Limits.MaxRequestBodySize = MaxJsonBodyBytes);
        return services;
    }

    /// <summary>The JSON conventions of the public API: camelCase, enums by their exact name only, numbers as numbers only, strict reading.</summary>
    public static void Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        // The web defaults also read "12" as 12; the API takes numbers as JSON numbers, as its documents say.
        options.NumberHandling = JsonNumberHandling.Strict;
        StrictJson.Apply(options);
    }

    /// <summary>Turns exceptions and bare status codes into problem details.</summary>
    public static WebApplication UseProblemResponses(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        return app;
    }

    /// <summary>Refuses a body whose declared length is past the endpoint's limit (see below).</summary>
    public static WebApplication UseBodySizeLimit(this WebApplication app)
    {
        app.Use(RefuseDeclaredOversizedBodies);
        return app;
    }

    /// <summary>
    /// A body whose declared length is past the endpoint's limit is refused before it is read, whatever the
    /// server; Kestrel's own limit still stops a chunked body that grows past it.
    /// </summary>
    static Task RefuseDeclaredOversizedBodies(HttpContext context, Func<Task> next)
    {
        var limit = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize
            ?? MaxJsonBodyBytes;
        if (context.Request.ContentLength > limit)
            throw new Microsoft.AspNetCore.Http.BadHttpRequestException("The request body is too large.", StatusCodes.Status413PayloadTooLarge);
        return next();
    }
}
