using System.Diagnostics.Metrics;
using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ServiceManufacturing.ServiceDefaults.EventStore;

/// <summary>
/// An event the relay could never publish (its <see cref="Error"/>, after <see cref="Attempts"/> attempts); its id is the
/// event's. <see cref="ReplayedAt"/> is set when an operator published it again, once mended.
/// </summary>
/// <param name="Id">事件编号（即消息编号） / The event's id (also the message's id).</param>
/// <param name="Sequence">事件在本服务事件库中的全局序号 / The event's global sequence in this service's store.</param>
/// <param name="StreamId">事件所属流 / The stream the event belongs to.</param>
/// <param name="EventType">事件类型 / The event's type.</param>
/// <param name="Error">最后一次发布失败的原因 / Why the last attempt to publish it failed.</param>
/// <param name="Attempts">放弃前的发布尝试次数 / Attempts made before giving up.</param>
/// <param name="DeadLetteredAt">转入死信的时间 / When it was dead-lettered.</param>
/// <param name="ReplayedAt">运维人员重放的时间（尚未重放为空） / When an operator replayed it (null until then).</param>
/// <param name="ReplayedBy">重放的运维人员 / Who replayed it.</param>
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
                $"{waiting} event(s) could not be published; see GET /api/v1/operations/{{service}}/dead-letters.");
    }
}
