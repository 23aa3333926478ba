using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using JasperFx.Events.Daemon;
using Marten;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ServiceManufacturing.ServiceDefaults.Audit;

/// <summary>A rebuild of a projection from the service's events, running or done.</summary>
/// <param name="Id">The rebuild's id (its status is at <c>…/projections/{projection}/rebuilds/{id}</c>).</param>
/// <param name="Projection">The projection's name.</param>
/// <param name="State">running, succeeded or failed.</param>
/// <param name="EventsDone">How far the rebuild has come: the store sequence of the last event it applied.</param>
/// <param name="EventsTotal">The store's highest event sequence when the rebuild started.</param>
/// <param name="StartedAt">When the rebuild started.</param>
/// <param name="FinishedAt">When it finished (succeeded or failed), if it has.</param>
/// <param name="Error">Why it failed, if it did.</param>
public sealed record ProjectionRebuildStatus(Guid Id, string Projection, string State, long EventsDone, long EventsTotal,
    DateTimeOffset StartedAt, DateTimeOffset? FinishedAt, string? Error)
{
    public const string Running = "running", Succeeded = "succeeded", Failed = "failed";
}

/// <summary>
/// Rebuilds projections from the events in the background: Marten's daemon stops the projection's agent, clears its
/// documents, replays every event and starts it again. A rebuild outlives the request that started it (a long one would
/// be cut by the gateway's timeout); it stops only with the service. Its status (events done of total) is kept in the
/// service's database as it changes (every half second while it runs), so that every replica answers for it; a rebuild
/// whose replica stopped says so only if that replica could still record it. On the dashboard: a log line at start and
/// end, the gauge <c>audit.projection.rebuild.progress</c>
/// (0 to 1 per running rebuild), the counter <c>audit.projection.rebuilds</c> and the histogram
/// <c>audit.projection.rebuild.duration</c> (meter <see cref="ProjectionRebuild.MeterName"/>).
/// </summary>
public sealed class ProjectionRebuilds(IDocumentStore store, IProjectionCoordinator coordinator, TimeProvider clock,
    IHostApplicationLifetime lifetime, ILogger<ProjectionRebuilds> logger)
{
    readonly ConcurrentDictionary<Guid, ProjectionRebuildStatus> rebuilds = new();

    /// <summary>Starts rebuilding <paramref name="projection"/>; its status as it starts (already recorded).</summary>
    public async Task<ProjectionRebuildStatus> StartAsync(string projection, CancellationToken ct)
    {
        var status = new ProjectionRebuildStatus(Guid.CreateVersion7(), projection, ProjectionRebuildStatus.Running, 0, 0,
            clock.GetUtcNow(), null, null);
        await RecordAsync(status, ct);
        rebuilds[status.Id] = status;
        ProjectionRebuild.Running[status.Id] = status;
        _ = Task.Run(() => RunAsync(status.Id, projection, lifetime.ApplicationStopping));
        return status;
    }

    /// <summary>The status of the rebuild <paramref name="id"/> of <paramref name="projection"/>, whichever replica runs or ran it.</summary>
    public async Task<ProjectionRebuildStatus?> FindAsync(string projection, Guid id, CancellationToken ct)
    {
        if (rebuilds.TryGetValue(id, out var status)) return status.Projection == projection ? status : null;
        await using var session = store.QuerySession();
        return await session.LoadAsync<ProjectionRebuildStatus>(id, ct) is { } recorded && recorded.Projection == projection ? recorded : null;
    }

    async Task RecordAsync(ProjectionRebuildStatus status, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        session.Store(status);
        await session.SaveChangesAsync(ct);
    }

    async Task RunAsync(Guid id, string projection, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        logger.LogInformation("Rebuilding projection {Projection} from the events", projection);
        using var progress = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var watching = Task.CompletedTask;
        try
        {
            var total = (await store.Advanced.FetchEventStoreStatistics(token: ct)).EventSequenceNumber;
            await UpdateAsync(id, s => s with { EventsTotal = total });
            watching = WatchProgressAsync(id, projection, progress.Token);
            await coordinator.DaemonForMainDatabase().RebuildProjectionAsync(projection, TimeSpan.FromMinutes(10), ct);
            await progress.CancelAsync();
            await watching;
            await UpdateAsync(id, s => s with { State = ProjectionRebuildStatus.Succeeded, EventsDone = Math.Max(s.EventsDone, s.EventsTotal), FinishedAt = clock.GetUtcNow() });
            var tag = new KeyValuePair<string, object?>("projection", projection);
            ProjectionRebuild.Rebuilds.Add(1, tag);
            ProjectionRebuild.Duration.Record(watch.Elapsed.TotalSeconds, tag);
            logger.LogInformation("Rebuilt projection {Projection} in {Seconds:F1} s", projection, watch.Elapsed.TotalSeconds);
        }
        catch (Exception e)
        {
            // The progress is no longer recorded before the failure is, so that it cannot overwrite it.
            await progress.CancelAsync();
            await watching;
            await UpdateAsync(id, s => s with { State = ProjectionRebuildStatus.Failed, FinishedAt = clock.GetUtcNow(),
                Error = ct.IsCancellationRequested ? "服务停止，重建中断。 / The service stopped; the rebuild was cut short." : e.Message });
            logger.LogError(e, "Rebuilding projection {Projection} failed", projection);
        }
        finally
        {
            ProjectionRebuild.Running.TryRemove(id, out _);
        }
    }

    /// <summary>Reads the projection's progress (the sequence its shards reached) every half second until cancelled.</summary>
    async Task WatchProgressAsync(Guid id, string projection, CancellationToken ct)
    {
        try
        {
            while (!ct.IsCancellationRequested)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(500), clock, ct);
                var shards = await store.Advanced.AllProjectionProgress(token: ct);
                var reached = shards.Where(s => s.ShardName.StartsWith(projection + ":", StringComparison.Ordinal))
                    .Select(s => s.Sequence).DefaultIfEmpty(0).Min();
                await UpdateAsync(id, s => s with { EventsDone = Math.Min(reached, s.EventsTotal) });
            }
        }
        catch (Exception e) when (e is OperationCanceledException || ct.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "The progress of rebuilding {Projection} could not be read", projection);
        }
    }

    async Task UpdateAsync(Guid id, Func<ProjectionRebuildStatus, ProjectionRebuildStatus> change)
    {
        var status = rebuilds.AddOrUpdate(id, _ => throw new InvalidOperationException("unknown rebuild"), (_, s) => change(s));
        if (ProjectionRebuild.Running.ContainsKey(id)) ProjectionRebuild.Running[id] = status;
        try
        {
            // Recorded even while the service stops (a rebuild cut short says so), within a few seconds.
            using var bounded = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await RecordAsync(status, bounded.Token);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            logger.LogWarning(e, "The status of rebuilding {Projection} could not be recorded; this replica still answers for it", status.Projection);
        }
    }
}

/// <summary>The projections a rebuild can rebuild, and the rebuilds' metrics.</summary>
public static class ProjectionRebuild
{
    public const string MeterName = "ServiceManufacturing.Audit";
    static readonly Meter Meter = new(MeterName);
    internal static readonly Counter<long> Rebuilds = Meter.CreateCounter<long>("audit.projection.rebuilds");
    internal static readonly Histogram<double> Duration = Meter.CreateHistogram<double>("audit.projection.rebuild.duration", "s");
    internal static readonly ConcurrentDictionary<Guid, ProjectionRebuildStatus> Running = new();

    internal static readonly ObservableGauge<double> Progress = Meter.CreateObservableGauge("audit.projection.rebuild.progress",
        () => Running.Values.Select(s => new Measurement<double>(s.EventsTotal == 0 ? 0 : (double)s.EventsDone / s.EventsTotal,
            new KeyValuePair<string, object?>("projection", s.Projection), new KeyValuePair<string, object?>("rebuild", s.Id))),
        description: "How far each running projection rebuild has come, 0 to 1.");

    /// <summary>The names of the projections that keep documents (live aggregations have nothing to rebuild).</summary>
    public static IReadOnlySet<string> Names(IDocumentStore store) =>
        store.Options.Events.Projections().Where(p => p.Lifecycle != JasperFx.Events.Projections.ProjectionLifecycle.Live)
            .Select(p => p.Name).ToHashSet();
}
