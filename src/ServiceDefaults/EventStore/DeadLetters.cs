using System.Diagnostics.Metrics;
using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ServiceManufacturing.ServiceDefaults.EventStore;

/// <summary>
/// An event the relay could never publish (its <see cref="Error"/>, after <see cref="Attempts"/> attempts); its id is the
/// event's. <see cref="ReplayedAt"/> is set when an operator published it again, once mended.
/// </summary>
public sealed record DeadLetteredEvent(
    Guid Id, long Sequence, Guid StreamId, string EventType, string Error, int Attempts, DateTimeOffset DeadLetteredAt,
    DateTimeOffset? ReplayedAt, string? ReplayedBy);

/// <summary>How the relay treats a message that fails for its own sake (<c>Relay:PoisonAttempts</c>, default 5).</summary>
public sealed record RelayOptions(int PoisonAttempts)
{
    public static RelayOptions From(IConfiguration configuration) =>
        new(Math.Max(1, configuration.GetValue("Relay:PoisonAttempts", 5)));
}

/// <summary>The relay's counters, on the meter the dashboard shows (<see cref="IntegrationEventRelay.ActivitySourceName"/>).</summary>
public static class RelayMetrics
{
    static readonly Meter Meter = new(IntegrationEventRelay.ActivitySourceName);

    /// <summary>Events the relay gave up on.</summary>
    public static readonly Counter<long> DeadLettered = Meter.CreateCounter<long>("relay.dead_lettered", "{event}",
        "Events that could never be published and were dead-lettered");

    /// <summary>Dead-lettered events an operator published again.</summary>
    public static readonly Counter<long> Replayed = Meter.CreateCounter<long>("relay.replayed", "{event}",
        "Dead-lettered events published again by an operator");
}

/// <summary>Degraded while any event waits in the dead letters: later events flow, but someone did not hear of this one.</summary>
sealed class DeadLetterHealthCheck(IDocumentStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        await using var session = store.QuerySession();
        var waiting = await session.Query<DeadLetteredEvent>().CountAsync(d => d.ReplayedAt == null, ct);
        return waiting == 0 ? HealthCheckResult.Healthy()
            : new HealthCheckResult(context.Registration.FailureStatus,
                $"{waiting} event(s) could not be published; see GET /api/v1/operations/dead-letters.");
    }
}
