using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ServiceManufacturing.ServiceDefaults.Http;

/// <summary>What every service's REST API shares: problem responses, OpenAPI, the clock.</summary>
public static class ServiceApiExtensions
{
    /// <summary>Adds problem responses, the OpenAPI document and <see cref="TimeProvider"/>.</summary>
    public static IHostApplicationBuilder AddServiceApi(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddProblemResponses();
        builder.Services.AddOpenApi();
        return builder;
    }

    /// <summary>Problem responses first, then /openapi/v1.json, /health and /alive.</summary>
    public static WebApplication UseServiceApi(this WebApplication app)
    {
        app.UseProblemResponses();
        app.MapOpenApi();
        app.MapDefaultEndpoints();
        return app;
    }
}
