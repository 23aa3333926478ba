using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using ServiceManufacturing.ServiceDefaults.EventStore;
using ServiceManufacturing.ServiceDefaults.Http.OpenApi;
using ServiceManufacturing.ServiceDefaults.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ServiceManufacturing.ServiceDefaults.Http;

/// <summary>What every service's REST API shares: problem responses, OpenAPI, the clock.</summary>
public static class ServiceApiExtensions
{
    /// <summary>
    /// Adds problem responses, the OpenAPI document, <see cref="TimeProvider"/>, and token validation with a
    /// fallback policy that requires a signed-in user; refused requests are recorded as events.
    /// </summary>
    public static IHostApplicationBuilder AddServiceApi(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddProblemResponses();
        builder.AddPlatformAuthentication();
        builder.Services.AddSingleton<IAuthorizationMiddlewareResultHandler, DeniedAccessRecorder>();
        builder.Services.AddScoped<AccessGuard>();
        // Behind the gateway: trust its X-Forwarded-* only (ForwardedHeaders:KnownProxies; loopback when it runs beside the service).
        builder.Services.AddForwardedHeadersFromProxies(builder.Configuration, System.Net.IPAddress.Loopback, System.Net.IPAddress.IPv6Loopback);
        var service = builder.Environment.ApplicationName.Replace("Services.", "");
        builder.Services.AddPlatformOpenApi($"ServiceManufacturing {service} API");
        return builder;
    }

    /// <summary>
    /// The OpenAPI document every part of the platform serves, titled <paramref name="title"/>: the platform's sign-in,
    /// enum names, one problem schema, described schemas, the gateway as the server.
    /// </summary>
    public static IServiceCollection AddPlatformOpenApi(this IServiceCollection services, string title) =>
        services.AddOpenApi(options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = title;
            document.Info.Description = "服务型制造示范遴选平台 / Service-oriented Manufacturing Demonstration platform. " +
                "Call it through the gateway; errors are RFC 9457 problem details in Chinese and English.";
            return Task.CompletedTask;
        }).AddSecurity().AddEnumNames().AddConventions()); // clients call the gateway that served the document (servers: /)

    /// <summary>Problem responses first, then the refusal of control characters, authentication, authorization, /openapi/v1.json, /health and /alive.</summary>
    public static WebApplication UseServiceApi(this WebApplication app)
    {
        app.UseTraceHeaders(announceRoute: true);
        app.UseForwardedHeaders();
        app.UseProblemResponses();
        app.UseBodySizeLimit();
        app.UseControlCharacterRefusal();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapOpenApi().AllowAnonymous();
        app.MapDefaultEndpoints();
        // A service that publishes has the relay's dead letters to show and replay.
        if (app.Services.GetRequiredService<IServiceProviderIsService>().IsService(typeof(RelayPublisher))) app.MapDeadLettersApi();
        if (app.Services.GetRequiredService<IServiceProviderIsService>().IsService(typeof(Audit.AuditTrail))) Audit.AuditApi.MapAuditApi(app);
        return app;
    }
}
