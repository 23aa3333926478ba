using System.Diagnostics;
using JasperFx.Events;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using Marten.Subscriptions;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ServiceManufacturing.ServiceDefaults.EventStore;

/// <summary>Says which of a service's stored events other services hear of, as which <c>Contracts</c> message.</summary>
public interface IIntegrationEventMap
{
    /// <summary>The message to publish for <paramref name="event"/>, or null when it stays inside the service.</summary>
    object? ToMessage(IEvent @event);
}

/// <summary>
/// The service's one Marten subscription. The async daemon feeds it the stored events in order and moves its
/// checkpoint only after a page is published and confirmed by the broker, so a broker outage delays messages
/// and loses none (at least once; consumers are idempotent). The message id is the event id.
/// </summary>
public sealed class IntegrationEventRelay : SubscriptionBase
{
    /// <summary>The source of the spans that link a stored event's trace to its message.</summary>
    public const string ActivitySourceName = "ServiceManufacturing.Relay";
    static readonly ActivitySource Source = new(ActivitySourceName);
    static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(10);

    readonly IBus bus;
    readonly IIntegrationEventMap map;
    readonly ILogger<IntegrationEventRelay> logger;

    public IntegrationEventRelay(IBus bus, IIntegrationEventMap map, ILogger<IntegrationEventRelay> logger)
    {
        (this.bus, this.map, this.logger) = (bus, map, logger);
        Name = "IntegrationEventRelay";
    }

    public override async Task<IChangeListener> ProcessEventsAsync(
        EventRange page, ISubscriptionController controller, IDocumentOperations operations, CancellationToken ct)
    {
        foreach (var @event in page.Events)
        {
            if (map.ToMessage(@event) is { } message)
                await PublishUntilConfirmedAsync(@event, message, ct);
        }
        return NullChangeListener.Instance;
    }

    async Task PublishUntilConfirmedAsync(IEvent @event, object message, CancellationToken ct)
    {
        using var activity = Source.StartActivity($"relay {message.GetType().Name}", ActivityKind.Producer, ParentOf(@event));
        activity?.SetTag("marten.event.sequence", @event.Sequence);
        activity?.SetTag("marten.stream.id", @event.StreamId);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
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
                return;
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                var delay = TimeSpan.FromMilliseconds(Math.Min(MaxBackoff.TotalMilliseconds, 250 * Math.Pow(2, Math.Min(attempt, 10))));
                logger.LogWarning(e, "Publishing event {Sequence} ({Type}) failed on attempt {Attempt}; retrying in {Delay}",
                    @event.Sequence, message.GetType().Name, attempt, delay);
                await Task.Delay(delay, ct);
            }
        }
    }

    static ActivityContext ParentOf(IEvent @event) =>
        @event.Headers?.TryGetValue(CorrelatedSessionFactory.TraceParentHeader, out var value) == true
        && ActivityContext.TryParse(value?.ToString(), null, out var parent)
            ? parent
            : default;
}

/// <summary>Headers the relay adds to every message, beside MassTransit's own.</summary>
public static class MessageHeaders
{
    /// <summary>What caused the event the message was published from.</summary>
    public const string CausationId = "SM-Causation-Id";

    /// <summary>The global sequence of the event the message was published from.</summary>
    public const string EventSequence = "SM-Event-Sequence";

    /// <summary>Who did what the event records; the consumer's events name them too.</summary>
    public const string ActingUser = "SM-Acting-User";
}

/// <summary>Registers a service's relay.</summary>
public static class IntegrationEventRelayExtensions
{
    /// <summary>Publishes the events <typeparamref name="TMap"/> maps, through the service's one subscription.</summary>
    public static MartenServiceCollectionExtensions.MartenConfigurationExpression AddIntegrationEventRelay<TMap>(
        this MartenServiceCollectionExtensions.MartenConfigurationExpression marten)
        where TMap : class, IIntegrationEventMap
    {
        marten.Services.AddSingleton<IIntegrationEventMap, TMap>();
        return marten.AddSubscriptionWithServices<IntegrationEventRelay>(ServiceLifetime.Singleton);
    }
}
