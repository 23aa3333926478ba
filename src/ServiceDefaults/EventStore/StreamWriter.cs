using JasperFx;
using JasperFx.Events;
using Marten;

namespace ServiceManufacturing.ServiceDefaults.EventStore;

/// <summary>The one way every service writes: FetchForWriting → pure decide → append → SaveChangesAsync.</summary>
public static partial class StreamWriter
{
    const int Attempts = 5;

    /// <summary>
    /// Loads stream <paramref name="id"/> as <typeparamref name="TState"/> (optimistically: at
    /// <paramref name="expectedVersion"/> when the caller sent one, and never over a concurrent append),
    /// lets <paramref name="decide"/> turn its state into events, appends and saves them.
    /// Returns the stream's version afterwards; no events means nothing is written.
    /// </summary>
    /// <remarks>
    /// When the caller named no version and this write is the session's only change, a concurrent append makes it
    /// decide again on the new state, in a fresh session with the same correlation, causation and user (a user
    /// signing in twice at once; two officers taking the last place on a list: the second is decided by the rules,
    /// not refused by the race). A caller's stale version, or a write that must stay atomic with others in the
    /// session, still fails with the concurrency error (409 / 412).
    /// </remarks>
    public static async Task<long> DecideAsync<TState>(this IDocumentSession session, Guid id, long? expectedVersion,
        Func<TState?, object[]> decide, CancellationToken ct) where TState : class
    {
        var alone = expectedVersion is null && !session.PendingChanges.Operations().Any() && !session.PendingChanges.Streams().Any();
        try
        {
            return await DecideOnceAsync(session, id, expectedVersion, decide, ct);
        }
        catch (Exception e) when (alone && IsConcurrent(e))
        {
            session.EjectAllPendingChanges();
        }
        for (var attempt = 2; ; attempt++)
        {
            await Task.Delay(Random.Shared.Next(5, 20 * attempt), ct); // apart, so that the contenders do not meet again
            await using var again = Twin(session);
            try
            {
                return await DecideOnceAsync(again, id, null, decide, ct);
            }
            catch (Exception e) when (attempt < Attempts && IsConcurrent(e))
            {
                // someone else appended again: decide once more
            }
        }
    }

    static async Task<long> DecideOnceAsync<TState>(IDocumentSession session, Guid id, long? expectedVersion,
        Func<TState?, object[]> decide, CancellationToken ct) where TState : class
    {
        var stream = expectedVersion is { } version
            ? await session.Events.FetchForWriting<TState>(id, version, ct)
            : await session.Events.FetchForWriting<TState>(id, ct);
        var events = decide(stream.Aggregate);
        if (events.Length == 0) return stream.CurrentVersion ?? 0;
        stream.AppendMany(events);
        await session.SaveChangesAsync(ct);
        return (stream.StartingVersion ?? 0) + events.Length;
    }

    /// <summary>Whether <paramref name="e"/> says another write reached the stream first.</summary>
    /// <remarks>
    /// Two first writes to a stream of a fixed id (<see cref="StreamIds"/>) meet as a stream-id collision, which Marten
    /// raises as its own <c>Marten.Exceptions.ExistingStreamIdCollisionException</c>, not the JasperFx type of that name.
    /// </remarks>
    public static bool IsConcurrent(Exception e) =>
        e is ConcurrencyException or EventStreamUnexpectedMaxEventIdException or ExistingStreamIdCollisionException
            or Marten.Exceptions.ExistingStreamIdCollisionException;

    /// <summary>A fresh session that records its events as <paramref name="session"/> would.</summary>
    static IDocumentSession Twin(IDocumentSession session)
    {
        var twin = session.DocumentStore.LightweightSession();
        twin.CorrelationId = session.CorrelationId;
        twin.CausationId = session.CausationId;
        twin.LastModifiedBy = session.LastModifiedBy;
        if (session.GetHeader(CorrelatedSessionFactory.TraceParentHeader) is { } traceParent)
            twin.SetHeader(CorrelatedSessionFactory.TraceParentHeader, traceParent);
        return twin;
    }
}
