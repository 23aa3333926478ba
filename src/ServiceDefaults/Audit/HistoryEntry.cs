using JasperFx.Events;
using Marten;
using Marten.Events.Projections;

namespace ServiceManufacturing.ServiceDefaults.Audit;

/// <summary>One stored event as the auditors' history shows it.</summary>
/// <param name="Id">The event's id.</param>
/// <param name="Service">The service that stored it: registration, review, evaluation or identity.</param>
/// <param name="Sequence">Its global sequence number in that service's store.</param>
/// <param name="StreamId">Its stream.</param>
/// <param name="Version">Its version in its stream.</param>
/// <param name="EventType">Its stored type name, e.g. <c>application_submitted</c>.</param>
/// <param name="At">When it was stored.</param>
/// <param name="ActorSubject">The acting user's subject (account id), or null for the system.</param>
/// <param name="ActorRole">The acting user's role, or null for the system.</param>
/// <param name="ActorAuthority">The recommending authority the acting user works for, if any.</param>
/// <param name="CorrelationId">The trace the event was written in (one id from the gateway to the last consumer).</param>
/// <param name="CausationId">The request or message that caused it.</param>
/// <param name="Applications">The applications it concerns (none: every application its stream concerned before).</param>
/// <param name="Authority">The recommending authority it concerns, if any.</param>
/// <param name="Account">The account it concerns, if any.</param>
/// <param name="SummaryZh">What happened, in Chinese.</param>
/// <param name="SummaryEn">What happened, in English.</param>
/// <param name="AboutStream">Another stream it is about (a filing's demonstration): it concerns the applications that stream concerned.</param>
public sealed record HistoryEntry(
    Guid Id, string Service, long Sequence, Guid StreamId, long Version, string EventType, DateTimeOffset At,
    string? ActorSubject, string? ActorRole, string? ActorAuthority, string? CorrelationId, string? CausationId,
    Guid[] Applications, string? Authority, string? Account, string SummaryZh, string SummaryEn, Guid? AboutStream = null);

/// <summary>
/// The auditors' history of one service: every event it stores, one <see cref="HistoryEntry"/> each, kept by the async
/// daemon (so a service started on an empty read side catches up by itself, and an operator can rebuild it).
/// </summary>
public sealed partial class HistoryProjection : EventProjection
{
    public const string ProjectionName = "History";
    readonly EventHistory history;
    readonly string service;

    public HistoryProjection(EventHistory history, string service)
    {
        (this.history, this.service) = (history, service);
        Name = ProjectionName;
    }

    public override ValueTask ApplyAsync(IDocumentOperations operations, IEvent e, CancellationToken cancellation)
    {
        operations.Store(EntryOf(e));
        return ValueTask.CompletedTask;
    }

    HistoryEntry EntryOf(IEvent e)
    {
        var note = history.NoteOf(e.Data, e.EventTypeName);
        var (role, subject) = e.UserName?.Split(':', 2) is [var r, var s] ? (r, s) : ((string?)null, e.UserName);
        var authority = e.Headers?.GetValueOrDefault(EventStore.CorrelatedSessionFactory.ActorAuthorityHeader)?.ToString();
        return new(e.Id, service, e.Sequence, e.StreamId, e.Version, e.EventTypeName, e.Timestamp, subject, role, authority,
            e.CorrelationId, e.CausationId, [.. note.Applications], note.Authority, note.Account, note.Zh, note.En, note.AboutStream);
    }
}
