using System.Diagnostics;
using System.Diagnostics.Metrics;
using JasperFx.Events.Daemon;
using Marten;
using Microsoft.Extensions.Logging;

namespace ServiceManufacturing.ServiceDefaults.Audit;

/// <summary>A projection rebuilt from the service's events.</summary>
/// <param name="Projection">The projection's name.</param>
/// <param name="StartedAt">When the rebuild started.</param>
/// <param name="Seconds">How long it took.</param>
public sealed record ProjectionRebuilt(string Projection, DateTimeOffset StartedAt, double Seconds);

/// <summary>
/// Rebuilds a projection from the events: Marten's daemon stops its agent, clears its documents, replays every event and
/// starts it again. Progress is on the dashboard: a log line at start and end, and the <c>audit.projection.rebuilds</c>
/// and <c>audit.projection.rebuild.duration</c> metrics (meter <see cref="MeterName"/>) beside Marten's own daemon metrics.
/// </summary>
public static class ProjectionRebuild
{
    public const string MeterName = "ServiceManufacturing.Audit";
    static readonly Meter Meter = new(MeterName);
    static readonly Counter<long> Rebuilds = Meter.CreateCounter<long>("audit.projection.rebuilds");
    static readonly Histogram<double> Duration = Meter.CreateHistogram<double>("audit.projection.rebuild.duration", "s");

    /// <summary>The names of the projections that keep documents (live aggregations have nothing to rebuild).</summary>
    public static IReadOnlySet<string> Names(IDocumentStore store) =>
        store.Options.Events.Projections().Where(p => p.Lifecycle != JasperFx.Events.Projections.ProjectionLifecycle.Live)
            .Select(p => p.Name).ToHashSet();

    public static async Task<ProjectionRebuilt> RunAsync(IProjectionCoordinator coordinator, string projection, TimeProvider clock,
        ILogger logger, CancellationToken ct)
    {
        var startedAt = clock.GetUtcNow();
        var watch = Stopwatch.StartNew();
        logger.LogInformation("Rebuilding projection {Projection} from the events", projection);
        var daemon = coordinator.DaemonForMainDatabase();
        await daemon.RebuildProjectionAsync(projection, TimeSpan.FromMinutes(10), ct);
        var tag = new KeyValuePair<string, object?>("projection", projection);
        Rebuilds.Add(1, tag);
        Duration.Record(watch.Elapsed.TotalSeconds, tag);
        logger.LogInformation("Rebuilt projection {Projection} in {Seconds:F1} s", projection, watch.Elapsed.TotalSeconds);
        return new(projection, startedAt, watch.Elapsed.TotalSeconds);
    }
}
