using JasperFx.Events;
using MassTransit;
using ServiceManufacturing.ServiceDefaults.EventStore;

namespace ServiceManufacturing.Tests.Review;

/// <summary>
/// How the relay tells a message that can never be published (dead-lettered after a few attempts) from a broker that is
/// away (retried for as long as it takes): only the first is an <see cref="UnpublishableMessage"/>.
/// </summary>
public class RelayPublisherTests
{
    static readonly IEvent Stored = new JasperFx.Events.Event<string>("data") { Id = Guid.CreateVersion7(), Sequence = 42, StreamId = Guid.CreateVersion7() };

    [Fact]
    public async Task AMapThatThrowsMakesTheMessageUnpublishable() =>
        Assert.IsType<InvalidOperationException>((await Assert.ThrowsAsync<UnpublishableMessage>(() =>
            new RelayPublisher(AwayBroker(), new Map(_ => throw new InvalidOperationException("map broken"))).PublishAsync(Stored, default))).InnerException);

    [Fact]
    public async Task AMessageThatCannotBeSerializedIsUnpublishable() =>
        Assert.Contains("cannot be written", (await Assert.ThrowsAsync<UnpublishableMessage>(() =>
            new RelayPublisher(AwayBroker(), new Map(_ => new Unwritable(Guid.CreateVersion7()))).PublishAsync(Stored, default))).Message);

    [Fact]
    public async Task ABrokerThatIsAwayIsNotTheMessagesFault()
    {
        using var soon = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        var e = await Record.ExceptionAsync(() =>
            new RelayPublisher(AwayBroker(), new Map(_ => new Contracts.ApplicationWithdrawn(Guid.CreateVersion7(), DateTimeOffset.UtcNow)))
                .PublishAsync(Stored, soon.Token));
        Assert.NotNull(e);
        Assert.IsNotType<UnpublishableMessage>(e);
    }

    [Fact]
    public async Task AnEventOthersDoNotHearOfIsNotPublished() =>
        await new RelayPublisher(AwayBroker(), new Map(_ => null)).PublishAsync(Stored, default);

    /// <summary>A bus whose broker does not answer (nothing listens on its port, and it was never started).</summary>
    static IBus AwayBroker() => Bus.Factory.CreateUsingRabbitMq(rabbit => rabbit.Host(new Uri("amqp://guest:guest@127.0.0.1:1/")));

    sealed class Map(Func<IEvent, object?> map) : IIntegrationEventMap
    {
        public object? ToMessage(IEvent @event) => map(@event);
    }
}
