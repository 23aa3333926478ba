using Marten;

namespace ServiceManufacturing.ServiceDefaults.EventStore;

/// <summary>The one way every service writes: FetchForWriting → pure decide → append → SaveChangesAsync.</summary>
public static class StreamWriter
{
    /// <summary>
    /// Loads stream <paramref name="id"/> as <typeparamref name="TState"/> (optimistically: at
    /// <paramref name="expectedVersion"/> when the caller sent one, and never over a concurrent append),
    /// lets <paramref name="decide"/> turn its state into events, appends and saves them.
    /// Returns the stream's version afterwards; no events means nothing is written.
    /// </summary>
    public static async Task<long> DecideAsync<TState>(this IDocumentSession session, Guid id, long? expectedVersion,
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
}
