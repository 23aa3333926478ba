using System.Diagnostics;
using System.Text.Json;
using JasperFx.Events;
using MassTransit;
using MassTransit.Serialization;

namespace ServiceManufacturing.ServiceDefaults.EventStore;

/// <summary>
/// Publishes one stored event as its <c>Contracts</c> message, as the relay and an operator's replay both do: the message
/// id is the event id; correlation, causation, the event's global sequence and the acting user travel as headers.
/// </summary>
public sealed class RelayPublisher(IBus bus, IIntegrationEventMap map)
{
    static readonly ActivitySource Source = new(IntegrationEventRelay.ActivitySourceName);

    /// <summary>
    /// Publishes <paramref name="event"/> if others hear of it, once the broker confirms. Throws
    /// <see cref="UnpublishableMessage"/> when the message itself is at fault (the map throws, or it cannot be serialized);
    /// any other exception is the broker's, and passes.
    /// </summary>
    public async Task PublishAsync(IEvent @event, CancellationToken ct)
    {
        object? message;
        try
        {
            message = map.ToMessage(@event);
            // Serialized as the bus will, before the broker is asked: a message that cannot be written never will be.
            if (message is not null) JsonSerializer.SerializeToUtf8Bytes(message, message.GetType(), SystemTextJsonMessageSerializer.Options);
        }
        catch (Exception e)
        {
            throw new UnpublishableMessage(@event, e);
        }
        if (message is null) return;

        using var activity = Source.StartActivity($"relay {message.GetType().Name}", ActivityKind.Producer, ParentOf(@event));
        activity?.SetTag("marten.event.sequence", @event.Sequence);
        activity?.SetTag("marten.stream.id", @event.StreamId);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        await bus.Publish(message, message.GetType(), context =>
        {
            context.MessageId = @event.Id;
            if (Guid.TryParseExact(@event.CorrelationId, "N", out var correlation))
                context.CorrelationId = correlation;
            context.Headers.Set(MessageHeaders.CausationId, @event.CausationId);
            context.Headers.Set(MessageHeaders.EventSequence, @event.Sequence);
            context.Headers.Set(MessageHeaders.ActingUser, @event.UserName);
        }, timeout.Token);
    }

    static ActivityContext ParentOf(IEvent @event) =>
        @event.Headers?.TryGetValue(CorrelatedSessionFactory.TraceParentHeader, out var value) == true
        && ActivityContext.TryParse(value?.ToString(), null, out var parent)
            ? parent
            : default;
}

/// <summary>The message of an event cannot be published, however often it is tried (its map or its serialization fails).</summary>
public sealed class UnpublishableMessage(IEvent @event, Exception cause)
    : Exception($"Event {@event.Sequence} ({@event.EventTypeName}) cannot be published: {cause.Message}", cause);
