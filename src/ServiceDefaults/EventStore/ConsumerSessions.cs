using Marten;
using MassTransit;

namespace ServiceManufacturing.ServiceDefaults.EventStore;

/// <summary>
/// How every consumer writes, and its one idempotency rule: <b>a message is applied to a stream at most once</b>.
/// The write records an <see cref="AppliedMessage"/> (message id = the published event's id, and the stream) in the
/// same transaction as the events it decided; a message already recorded for that stream is skipped before deciding.
/// Two deliveries at the same moment cannot both commit (the stream's version or the record's key refuses the second,
/// which the broker retries and then skips). Deciders therefore never check for repeats; they only decide what a
/// message means in whatever order it arrives (<see cref="MessageHeaders.EventSequence"/> orders facts where that matters).
/// </summary>
public static class ConsumerSessions
{
    /// <summary>Causation is the message (whose id is the published event's id); the acting user travels on.</summary>
    public static IDocumentSession ContinueFrom(this IDocumentSession session, ConsumeContext context)
    {
        session.CausationId = context.MessageId?.ToString();
        session.LastModifiedBy = context.Headers.Get<string>(MessageHeaders.ActingUser);
        return session;
    }

    /// <summary>
    /// Applies the message of <paramref name="context"/> to stream <paramref name="streamId"/> once:
    /// FetchForWriting → <paramref name="decide"/> → append → SaveChangesAsync, unless it was applied there before.
    /// </summary>
    public static async Task ApplyOnceAsync<TState>(this IDocumentSession session, ConsumeContext context, Guid streamId,
        Func<TState?, object[]> decide) where TState : class
    {
        await session.AppendOnceAsync(context, streamId, decide);
        await session.SaveChangesAsync(context.CancellationToken);
    }

    /// <summary>
    /// As <see cref="ApplyOnceAsync{TState}"/> without saving, for a message that changes several streams: append to each,
    /// then save once.
    /// </summary>
    public static async Task AppendOnceAsync<TState>(this IDocumentSession session, ConsumeContext context, Guid streamId,
        Func<TState?, object[]> decide) where TState : class
    {
        session.ContinueFrom(context);
        var applied = AppliedMessage.Of(context, streamId);
        if (await session.LoadAsync<AppliedMessage>(applied.Id, context.CancellationToken) is not null) return;
        var stream = await session.Events.FetchForWriting<TState>(streamId, context.CancellationToken);
        stream.AppendMany(decide(stream.Aggregate));
        session.Insert(applied);
    }

    /// <summary>The global sequence of the event the message was published from (0 when the sender set none).</summary>
    public static long EventSequence(this ConsumeContext context) =>
        context.Headers.Get<long>(MessageHeaders.EventSequence) ?? 0;
}

/// <summary>That message <see cref="MessageId"/> was applied to stream <see cref="StreamId"/> (the idempotency rule's record).</summary>
public sealed record AppliedMessage(Guid Id, Guid MessageId, Guid StreamId, string MessageType)
{
    public static AppliedMessage Of(ConsumeContext context, Guid streamId)
    {
        var messageId = context.MessageId ?? throw new InvalidOperationException("A message without an id cannot be applied once.");
        return new(StreamIds.For("applied-message", messageId.ToString(), streamId.ToString()), messageId, streamId,
            context.SupportedMessageTypes.FirstOrDefault() ?? "");
    }
}
