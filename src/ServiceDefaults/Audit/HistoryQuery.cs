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

/// <summary>A history as read: its entries in store order, and whether it was cut at <see cref="HistoryQuery.Limit"/>.</summary>
public sealed record HistoryRead(IReadOnlyList<HistoryEntry> Entries, bool Truncated);

/// <summary>
/// Reads a service's history: of an application, an authority's officers, a user. Each read takes the first
/// <see cref="Limit"/> entries in store order; a history cut there says so (<see cref="HistoryRead.Truncated"/>, and the
/// endpoints' <see cref="TruncatedHeader"/>): narrow it by time range to read the rest.
/// </summary>
public static class HistoryQuery
{
    public const int Limit = 10_000;

    /// <summary>The response header a history cut at <see cref="Limit"/> entries carries (value <c>true</c>).</summary>
    public const string TruncatedHeader = "Audit-History-Truncated";

    /// <summary>
    /// Every entry about <paramref name="applicationId"/>; every entry without an application of the streams that concerned
    /// it (e.g. the submission of the ranked list it is on); and the entries about those streams (a demonstration's
    /// filings) with their own streams' other entries, in store order.
    /// </summary>
    public static async Task<HistoryRead> OfApplicationAsync(IQuerySession session, Guid applicationId, CancellationToken ct)
    {
        var named = await FirstAsync(session.Query<HistoryEntry>().Where(e => e.Applications.Contains(applicationId)), ct);
        var streams = named.Entries.Select(e => e.StreamId).Distinct().ToArray();
        if (streams.Length == 0) return named;
        var about = streams.Select(s => (Guid?)s).ToArray();
        var linked = await FirstAsync(session.Query<HistoryEntry>().Where(e => e.AboutStream.In(about)), ct);
        var all = streams.Concat(linked.Entries.Select(e => e.StreamId)).Distinct().ToArray();
        var ofStreams = await FirstAsync(session.Query<HistoryEntry>().Where(e => e.StreamId.In(all) && e.Applications.Length == 0), ct);
        return new([.. named.Entries.Concat(linked.Entries).Concat(ofStreams.Entries).DistinctBy(e => e.Id).OrderBy(e => e.Sequence)],
            named.Truncated || linked.Truncated || ofStreams.Truncated);
    }

    /// <summary>Everything the officers of <paramref name="authorityCode"/> did.</summary>
    public static Task<HistoryRead> OfAuthorityAsync(IQuerySession session, string authorityCode, CancellationToken ct) =>
        FirstAsync(session.Query<HistoryEntry>().Where(e => e.ActorAuthority == authorityCode), ct);

    /// <summary>Everything <paramref name="subject"/> did, and everything about their account (their reads included).</summary>
    public static Task<HistoryRead> OfUserAsync(IQuerySession session, string subject, CancellationToken ct) =>
        FirstAsync(session.Query<HistoryEntry>().Where(e => e.ActorSubject == subject || e.Account == subject), ct);

    // One more than the limit tells whether there were more.
    static async Task<HistoryRead> FirstAsync(IQueryable<HistoryEntry> query, CancellationToken ct)
    {
        var entries = await query.OrderBy(e => e.Sequence).Take(Limit + 1).ToListAsync(ct);
        return entries.Count > Limit ? new([.. entries.Take(Limit)], true) : new(entries, false);
    }
}
