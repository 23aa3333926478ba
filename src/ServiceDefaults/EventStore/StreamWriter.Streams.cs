using Marten;

namespace ServiceManufacturing.ServiceDefaults.EventStore;

/// <summary>One stream of a multi-stream write: its id, the type of its state, and the version the caller expects (If-Match), if any.</summary>
public abstract record StreamToWrite(Guid Id, long? ExpectedVersion)
{
    public static StreamToWrite<TState> Of<TState>(Guid id, long? expectedVersion = null) where TState : class => new(id, expectedVersion);

    internal abstract Task<FetchedStream> FetchAsync(IDocumentSession session, CancellationToken ct);
}

/// <inheritdoc cref="StreamToWrite"/>
public sealed record StreamToWrite<TState>(Guid Id, long? ExpectedVersion = null) : StreamToWrite(Id, ExpectedVersion) where TState : class
{
    internal override async Task<FetchedStream> FetchAsync(IDocumentSession session, CancellationToken ct)
    {
        var stream = ExpectedVersion is { } version
            ? await session.Events.FetchForWriting<TState>(Id, version, ct)
            : await session.Events.FetchForWriting<TState>(Id, ct);
        return new FetchedStream(stream.Aggregate, stream.CurrentVersion ?? 0, stream.AppendMany, () => stream.AlwaysEnforceConsistency = true);
    }
}

sealed record FetchedStream(object? State, long Version, Action<object[]> Append, Action Guard);

/// <summary>The states of the streams a multi-stream write fetched, by stream id (null: the stream does not exist yet).</summary>
public sealed class StreamStates(IReadOnlyDictionary<Guid, object?> states)
{
    public TState? Of<TState>(Guid id) where TState : class =>
        states.TryGetValue(id, out var state) ? (TState?)state : throw new ArgumentException($"Stream {id} was not fetched for this write.", nameof(id));
}

public static partial class StreamWriter
{
    /// <summary>
    /// The multi-stream form of the one write path: fetches each of <paramref name="streams"/> for writing (at its expected
    /// version when the caller sent one), lets <paramref name="decide"/> turn all their states into events per stream,
    /// appends them and saves once, in one transaction. Returns each stream's version afterwards.
    /// </summary>
    /// <remarks>
    /// Every stream fetched is guarded, the ones that get no events too: the decision read them all, so a concurrent
    /// append to any of them makes the whole write decide again (in a fresh session with the same correlation,
    /// causation and user, as the single-stream form), unless the session holds other changes. A stream the caller
    /// named a version for, found at another, still fails with the concurrency error (412 / 409) and is not retried.
    /// A stream that does not exist yet and gets no events is not guarded (there is no version to hold it to).
    /// </remarks>
    public static async Task<IReadOnlyDictionary<Guid, long>> DecideAsync(this IDocumentSession session, IReadOnlyList<StreamToWrite> streams,
        Func<StreamStates, IReadOnlyDictionary<Guid, object[]>> decide, CancellationToken ct)
    {
        if (streams.Select(s => s.Id).Distinct().Count() != streams.Count) throw new ArgumentException("A stream is named twice.", nameof(streams));
        var alone = !session.PendingChanges.Operations().Any() && !session.PendingChanges.Streams().Any();
        var stale = false;
        try
        {
            return await DecideOnceAsync(session, streams, decide, () => stale = true, ct);
        }
        catch (Exception e) when (alone && !stale && IsConcurrent(e))
        {
            session.EjectAllPendingChanges();
        }
        for (var attempt = 2; ; attempt++)
        {
            await Task.Delay(Random.Shared.Next(5, 20 * attempt), ct);
            await using var again = Twin(session);
            try
            {
                return await DecideOnceAsync(again, streams, decide, () => stale = true, ct);
            }
            catch (Exception e) when (attempt < Attempts && !stale && IsConcurrent(e))
            {
                // someone else appended to one of the streams: decide once more over all of them
            }
        }
    }

    static async Task<IReadOnlyDictionary<Guid, long>> DecideOnceAsync(IDocumentSession session, IReadOnlyList<StreamToWrite> streams,
        Func<StreamStates, IReadOnlyDictionary<Guid, object[]>> decide, Action staleVersion, CancellationToken ct)
    {
        var fetched = new Dictionary<Guid, FetchedStream>();
        foreach (var stream in streams)
        {
            try
            {
                fetched[stream.Id] = await stream.FetchAsync(session, ct);
            }
            catch (Exception e) when (stream.ExpectedVersion is not null && IsConcurrent(e))
            {
                staleVersion(); // the caller's version is not the stream's: deciding again would not mend that
                throw;
            }
        }
        var decided = decide(new StreamStates(fetched.ToDictionary(f => f.Key, f => f.Value.State)));
        if (decided.Keys.FirstOrDefault(id => !fetched.ContainsKey(id)) is var unknown && unknown != Guid.Empty)
            throw new InvalidOperationException($"The decision appends to stream {unknown}, which was not fetched for this write.");
        var versions = new Dictionary<Guid, long>();
        foreach (var (id, stream) in fetched)
        {
            var events = decided.GetValueOrDefault(id) ?? [];
            if (events.Length > 0) stream.Append(events);
            else if (stream.Version > 0) stream.Guard();
            versions[id] = stream.Version + events.Length;
        }
        if (decided.Values.Any(e => e.Length > 0)) await session.SaveChangesAsync(ct);
        return versions;
    }
}
