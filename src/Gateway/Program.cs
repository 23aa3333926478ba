using Scalar.AspNetCore;
using ServiceManufacturing.ServiceDefaults.Http;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.Services.AddProblemResponses();
builder.Services.AddReverseProxy()
    .LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"))
    .AddServiceDiscoveryDestinationResolver();

var app = builder.Build();
app.UseProblemResponses();
app.MapDefaultEndpoints();
// Each service's OpenAPI document is proxied as /openapi/{service}.json (appsettings.json); one reference shows all.
app.MapScalarApiReference("/api-reference", options => options
    .WithTitle("ServiceManufacturing API")
    .WithOpenApiRoutePattern("/openapi/{documentName}.json")
    .AddDocument("registration", "Registration")
    .AddDocument("review", "Review")
    .AddDocument("evaluation", "Evaluation")
    .DisableDefaultFonts()
    .DisableTelemetry());
app.MapReverseProxy();
app.Run();

public partial class Program;
