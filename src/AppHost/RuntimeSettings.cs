using Aspire.Hosting.ApplicationModel;

/// <summary>
/// How the services and the gateway run on the small machines they share (2 cores for everything, README's benchmark):
/// measured by the idle figures of <c>eng/bench.sh</c>.
/// </summary>
static class RuntimeSettings
{
    public static IResourceBuilder<ProjectResource> WithSmallFootprint(this IResourceBuilder<ProjectResource> project) => project
        // Aspire exports metrics to the dashboard every second while developing; each export collects every instrument
        // (runtime, ASP.NET Core, Npgsql, Marten, MassTransit) and the dashboard stores it. Every 15 s is plenty to watch.
        .WithEnvironment("OTEL_METRIC_EXPORT_INTERVAL", "15000");
}
