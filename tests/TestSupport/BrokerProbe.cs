using System.Collections.Concurrent;
using MassTransit;
using ServiceManufacturing.ServiceDefaults.Messaging;

namespace ServiceManufacturing.Tests.TestSupport;

/// <summary>
/// Listens on the real broker for messages of <typeparamref name="T"/>, through a queue of its own that goes away
/// with it, and can publish like another service would.
/// </summary>
public sealed class BrokerProbe<T> : IAsyncDisposable where T : class
{
    readonly ConcurrentQueue<ConsumeContext<T>> received = new();
    readonly IBusControl bus;

    BrokerProbe(string rabbitMq, string entityPrefix)
    {
        bus = Bus.Factory.CreateUsingRabbitMq(rabbit =>
        {
            rabbit.Host(new Uri(rabbitMq));
            rabbit.UseEntityPrefix(entityPrefix);
            rabbit.ReceiveEndpoint($"probe-{Guid.NewGuid():N}", endpoint =>
            {
                endpoint.AutoDelete = true;
                endpoint.Durable = false;
                endpoint.Handler<T>(context =>
                {
                    received.Enqueue(context);
                    return Task.CompletedTask;
                });
            });
        });
    }

    /// <summary>A probe on <paramref name="app"/>'s broker and exchanges.</summary>
    public static async Task<BrokerProbe<T>> StartAsync<TProgram>(ServiceFactory<TProgram> app) where TProgram : class
    {
        var probe = new BrokerProbe<T>(app.RabbitMq, app.EntityPrefix);
        await probe.bus.StartAsync(new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token);
        return probe;
    }

    /// <summary>Every message received so far.</summary>
    public IReadOnlyCollection<ConsumeContext<T>> Received => received.ToArray();

    /// <summary>The first message that matches, waiting up to <paramref name="timeout"/> (default 30 s).</summary>
    public async Task<ConsumeContext<T>> WaitForAsync(Func<T, bool> match, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (DateTime.UtcNow < deadline)
        {
            if (received.FirstOrDefault(c => match(c.Message)) is { } context) return context;
            await Task.Delay(50);
        }
        throw new TimeoutException($"No {typeof(T).Name} matching arrived in time.");
    }

    /// <summary>
    /// Publishes <paramref name="message"/> as another service would, with the given message id (and, as the relay does,
    /// the global sequence of the event it came from, when given).
    /// </summary>
    public Task PublishAsync<TMessage>(TMessage message, Guid messageId, long? sequence = null) where TMessage : class =>
        bus.Publish(message, message.GetType(), context =>
        {
            context.MessageId = messageId;
            if (sequence is { } value) context.Headers.Set(ServiceManufacturing.ServiceDefaults.EventStore.MessageHeaders.EventSequence, value);
        });

    public async ValueTask DisposeAsync() => await bus.StopAsync();
}
