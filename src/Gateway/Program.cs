using Scalar.AspNetCore;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Transforms;
using ServiceManufacturing.Gateway.Audit;
using ServiceManufacturing.Gateway.Edge;
using ServiceManufacturing.Gateway.Limits;
using ServiceManufacturing.ServiceDefaults.Http;
using ServiceManufacturing.ServiceDefaults.Identity;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
// A NUL in the request line is refused by Kestrel before any middleware: the gateway answers it with a problem itself.
builder.AddRequestLineGuard();
builder.Services.AddProblemResponses();
// The largest body any route takes (uploads); each route narrows it (ReverseProxy:Routes:*:MaxRequestBodySize).
builder.Services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(kestrel =>
    kestrel.Limits.MaxRequestBodySize = builder.Configuration.GetValue<long>("Gateway:MaxUploadBytes", 25 * 1024 * 1024));
// The gateway is the edge: X-Forwarded-For counts only from ForwardedHeaders:KnownProxies (none by default), so the
// per-address limit keys on the real peer otherwise.
builder.Services.AddForwardedHeadersFromProxies(builder.Configuration);
// The gateway reads the token only to limit per user; each service authorizes every request itself.
builder.AddPlatformAuthentication(requireSignedIn: false);
builder.Services.AddGatewayLimits(builder.Configuration);
builder.Services.AddSingleton(TimeProvider.System);
// The gateway's own operations (the audit timeline) have their document, beside the services' it proxies.
builder.Services.AddPlatformOpenApi("ServiceManufacturing gateway API (audit timeline)");
builder.Services.AddReverseProxy()
    .LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"))
    // The gateway's span takes the service's route template (TraceHeaders), which goes no further than here.
    .AddTransforms(transforms => transforms.AddResponseTransform(context =>
    {
        TraceHeaders.TakeRouteTemplate(context.HttpContext);
        return ValueTask.CompletedTask;
    }))
    .AddServiceDiscoveryDestinationResolver();

var app = builder.Build();
app.UseTraceHeaders(announceRoute: false);
app.UseForwardedHeaders();
app.UseProblemResponses();
app.UseCors();
app.UseAuthentication();
app.UseRateLimiter();
app.MapDefaultEndpoints();
app.MapOpenApi("/openapi/gateway.json");
// Each service's OpenAPI document is proxied as /openapi/{service}.json (appsettings.json); one reference shows all.
app.MapScalarApiReference("/api-reference", options => options
    .WithTitle("ServiceManufacturing API")
    .WithOpenApiRoutePattern("/openapi/{documentName}.json")
    .AddDocument("registration", "Registration")
    .AddDocument("review", "Review")
    .AddDocument("evaluation", "Evaluation")
    .AddDocument("identity", "Identity")
    .AddDocument("gateway", "Audit timeline")
    // "Try it" signs in like the web front-end: authorization code with PKCE, as the public client.
    .AddPreferredSecuritySchemes(["oidc"])
    .AddAuthorizationCodeFlow("oidc", flow =>
    {
        flow.ClientId = "servicemanufacturing-web";
        flow.Pkce = Pkce.Sha256;
        flow.SelectedScopes = ["openid", "api"];
        flow.RedirectUri = builder.Configuration["ApiReference:RedirectUri"];
    })
    // A ministry platform advertises no third-party service: no developer toolbar ("Share", "Deploy", SDK generation),
    // no AI chat ("Ask AI"), no MCP, no telemetry, no fonts from a CDN.
    .HideDeveloperTools()
    .DisableAgent()
    .DisableMcp()
    .DisableDefaultFonts()
    .DisableTelemetry());
// The auditors' cross-service timeline, composed from each service's history (each authorizes and records the read).
app.MapTimeline();
app.MapReverseProxy(proxy => proxy.Use(async (context, next) =>
{
    await next();
    // The service did not take the request (down or restarting): 503 with Retry-After and a problem body, not a bare 502.
    if (context.GetForwarderErrorFeature()?.Error is ForwarderError.Request or ForwarderError.NoAvailableDestinations
        && !context.Response.HasStarted)
    {
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = PlatformRules.ServiceUnavailable.RetryAfterSeconds!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}));
app.Run();

public partial class Program;
