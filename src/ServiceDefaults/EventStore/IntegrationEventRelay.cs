using JasperFx.Events;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using Marten.Subscriptions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
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
/// and loses none (at least once; consumers apply each message once). The message id is the event id.
/// </summary>
/// <remarks>
/// Two kinds of failure. The broker's (unreachable, no confirm, a timeout) passes: the relay retries with backoff for as
/// long as it takes. The message's own (the map throws, or the message cannot be serialized) fails the same way every
/// time: after <see cref="RelayOptions.PoisonAttempts"/> attempts the event is dead-lettered (<see cref="DeadLetteredEvent"/>,
/// stored with the checkpoint), counted, and the relay moves on; an operator replays it once the map is mended.
/// </remarks>
public sealed class IntegrationEventRelay : SubscriptionBase
{
    /// <summary>The source of the spans that link a stored event's trace to its message, and the relay's meter.</summary>
    public const string ActivitySourceName = "ServiceManufacturing.Relay";
    static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(10);

    readonly RelayPublisher publisher;
    readonly RelayOptions options;
    readonly TimeProvider clock;
    readonly ILogger<IntegrationEventRelay> logger;

    public IntegrationEventRelay(RelayPublisher publisher, RelayOptions options, TimeProvider clock, ILogger<IntegrationEventRelay> logger)
    {
        (this.publisher, this.options, this.clock, this.logger) = (publisher, options, clock, logger);
        Name = "IntegrationEventRelay";
    }

    public override async Task<IChangeListener> ProcessEventsAsync(
        EventRange page, ISubscriptionController controller, IDocumentOperations operations, CancellationToken ct)
    {
        // The page's messages go out together and their confirmations are awaited together (one at a time, each waited
        // for, the relay fell behind a surge: the bench). Consumers never relied on the order of arrival (they order by
        // the event sequence header), and the checkpoint still moves only once every message of the page is confirmed.
        var deadLetters = await Task.WhenAll(page.Events.Select(@event => PublishOrDeadLetterAsync(@event, ct)));
        foreach (var deadLetter in deadLetters.OfType<DeadLetteredEvent>())
            operations.Store(deadLetter);
        return NullChangeListener.Instance;
    }

    /// <summary>Publishes <paramref name="event"/> (if others hear of it), or says why it never can be.</summary>
    async Task<DeadLetteredEvent?> PublishOrDeadLetterAsync(IEvent @event, CancellationToken ct)
    {
        for (int attempt = 1, poisoned = 0; ; attempt++)
        {
            try
            {
                await publisher.PublishAsync(@event, ct);
                return null;
            }
            catch (UnpublishableMessage e) when (++poisoned >= options.PoisonAttempts)
            {
                logger.LogError(e.InnerException, "Event {Sequence} ({Type}) can never be published; dead-lettered after {Attempts} attempts",
                    @event.Sequence, @event.EventTypeName, poisoned);
                RelayMetrics.DeadLettered.Add(1, new KeyValuePair<string, object?>("event.type", @event.EventTypeName));
                return new DeadLetteredEvent(@event.Id, @event.Sequence, @event.StreamId, @event.EventTypeName,
                    e.InnerException?.ToString() ?? e.Message, poisoned, clock.GetUtcNow(), null, null);
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                var delay = TimeSpan.FromMilliseconds(Math.Min(MaxBackoff.TotalMilliseconds, 250 * Math.Pow(2, Math.Min(attempt, 10))));
                logger.LogWarning(e, "Publishing event {Sequence} ({Type}) failed on attempt {Attempt}; retrying in {Delay}",
                    @event.Sequence, @event.EventTypeName, attempt, delay);
                await Task.Delay(delay, ct);
            }
        }
    }
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
        marten.Services.AddSingleton<RelayPublisher>();
        marten.Services.TryAddSingleton(TimeProvider.System);
        marten.Services.AddSingleton(services => RelayOptions.From(services.GetRequiredService<IConfiguration>()));
        marten.Services.ConfigureMarten(options => options.Schema.For<DeadLetteredEvent>());
        marten.Services.AddHealthChecks().AddCheck<DeadLetterHealthCheck>("relay-dead-letters", HealthStatus.Degraded, ["ready"]);
        return marten.AddSubscriptionWithServices<IntegrationEventRelay>(ServiceLifetime.Singleton);
    }
}
