using Marten;

namespace ServiceManufacturing.ServiceDefaults.Audit;

/// <summary>The filters of a history: event type, acting user and time range (each optional).</summary>
/// <param name="EventType">Only events of this stored type, e.g. <c>application_submitted</c>.</param>
/// <param name="Actor">Only events by this user (token subject).</param>
/// <param name="From">Only events stored at or after this instant.</param>
/// <param name="To">Only events stored before this instant.</param>
public sealed record HistoryFilter(string? EventType, string? Actor, DateTimeOffset? From, DateTimeOffset? To)
{
    public IEnumerable<HistoryEntry> Apply(IEnumerable<HistoryEntry> entries) => entries
        .Where(e => EventType is null || e.EventType == EventType)
        .Where(e => Actor is null || e.ActorSubject == Actor)
        .Where(e => From is null || e.At >= From)
        .Where(e => To is null || e.At < To);
}

/// <summary>Reads a service's history: of an application, an authority's officers, a user.</summary>
public static class HistoryQuery
{
    const int Limit = 10_000;

    /// <summary>
    /// Every entry about <paramref name="applicationId"/>, and every entry without an application of the streams that
    /// concerned it (e.g. the submission of the ranked list it is on), in store order.
    /// </summary>
    public static async Task<IReadOnlyList<HistoryEntry>> OfApplicationAsync(IQuerySession session, Guid applicationId, CancellationToken ct)
    {
        var named = await session.Query<HistoryEntry>().Where(e => e.Applications.Contains(applicationId))
            .OrderBy(e => e.Sequence).Take(Limit).ToListAsync(ct);
        var streams = named.Select(e => e.StreamId).Distinct().ToArray();
        var ofStreams = streams.Length == 0 ? [] : await session.Query<HistoryEntry>()
            .Where(e => e.StreamId.In(streams) && e.Applications.Length == 0).Take(Limit).ToListAsync(ct);
        return [.. named.Concat(ofStreams).DistinctBy(e => e.Id).OrderBy(e => e.Sequence)];
    }

    /// <summary>Everything the officers of <paramref name="authorityCode"/> did.</summary>
    public static async Task<IReadOnlyList<HistoryEntry>> OfAuthorityAsync(IQuerySession session, string authorityCode, CancellationToken ct) =>
        [.. await session.Query<HistoryEntry>()
            .Where(e => e.ActorAuthority == authorityCode)
            .OrderBy(e => e.Sequence).Take(Limit).ToListAsync(ct)];

    /// <summary>Everything <paramref name="subject"/> did, and everything about their account (their reads included).</summary>
    public static async Task<IReadOnlyList<HistoryEntry>> OfUserAsync(IQuerySession session, string subject, CancellationToken ct) =>
        [.. await session.Query<HistoryEntry>().Where(e => e.ActorSubject == subject || e.Account == subject)
            .OrderBy(e => e.Sequence).Take(Limit).ToListAsync(ct)];
}
