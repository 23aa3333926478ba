using Marten;
using MassTransit;
using ServiceManufacturing.ServiceDefaults.Messaging;
using ServiceManufacturing.ServiceDefaults.EventStore;
using ServiceManufacturing.ServiceDefaults.Identity;
using ServiceManufacturing.Services.Registration.Memberships;
using MessageHeaders = ServiceManufacturing.ServiceDefaults.EventStore.MessageHeaders;

namespace ServiceManufacturing.Tests.Registration;

/// <summary>What Identity tells Registration of an account's membership, for tests.</summary>
public static class Memberships
{
    static long sequence = 1_000_000;

    /// <summary>Registration learns that <paramref name="user"/> is a verified member (or was removed), through the consumer's own decide path.</summary>
    public static async Task VerifyMemberAsync(this RegistrationApp app, CurrentUser user, bool verified = true)
    {
        await using var session = app.Store.LightweightSession();
        var command = new ReportMembership(user.Subject, user.CreditCode!, verified, Interlocked.Increment(ref sequence));
        await session.DecideAsync<Membership>(Membership.IdFor(user.Subject), null,
            state => MembershipDecider.Decide(command, state, DateTimeOffset.UtcNow), CancellationToken.None);
    }

    /// <summary>Publishes <paramref name="message"/> as Identity's relay does: with the sequence of the event it came from.</summary>
    public static async Task PublishAsIdentityAsync<T>(this RegistrationApp app, T message, long eventSequence) where T : class
    {
        var bus = Bus.Factory.CreateUsingRabbitMq(rabbit =>
        {
            rabbit.Host(new Uri(app.RabbitMq));
            rabbit.UseEntityPrefix(app.EntityPrefix);
        });
        await bus.StartAsync(new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token);
        try
        {
            await bus.Publish(message, context =>
            {
                context.MessageId = Guid.CreateVersion7();
                context.Headers.Set(MessageHeaders.EventSequence, eventSequence);
            });
        }
        finally
        {
            await bus.StopAsync();
        }
    }

    /// <summary>The membership Registration keeps for <paramref name="user"/>, or null.</summary>
    public static async Task<Membership?> MembershipAsync(this RegistrationApp app, CurrentUser user)
    {
        await using var session = app.Store.QuerySession();
        return await session.LoadAsync<Membership>(Membership.IdFor(user.Subject));
    }
}
