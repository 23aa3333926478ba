using Marten;
using MassTransit;
using ServiceManufacturing.ServiceDefaults.EventStore;
using ServiceManufacturing.ServiceDefaults.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ServiceManufacturing.ServiceDefaults.Messaging;

/// <summary>How every service talks to the others: MassTransit over RabbitMQ.</summary>
public static class MessagingExtensions
{
    /// <summary>The connection string name of the broker.</summary>
    public const string ConnectionName = "messaging";

    /// <summary>How often, and how long apart, a consumer tries again while its database is away (an hour in all).</summary>
    const int DatabaseOutageRetries = 720;
    static readonly TimeSpan DatabaseOutageInterval = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Adds MassTransit on RabbitMQ with the service's consumers. Queues are named for the service
    /// (Messaging:EndpointPrefix, default the application name) so two services never share a queue.
    /// </summary>
    public static IHostApplicationBuilder AddMessaging(this IHostApplicationBuilder builder, Action<IBusRegistrationConfigurator>? consumers = null)
    {
        var connectionString = builder.Configuration.GetConnectionString(ConnectionName)
            ?? throw new InvalidOperationException($"Connection string '{ConnectionName}' is not configured.");
        var prefix = builder.Configuration["Messaging:EndpointPrefix"] ?? builder.Environment.ApplicationName;
        var entityPrefix = builder.Configuration["Messaging:EntityPrefix"];

        // What the consumers and the relay keep beside the events: the messages applied (the one idempotency rule) and the
        // events that could never be published.
        builder.Services.ConfigureMarten(options =>
        {
            options.Schema.For<AppliedMessage>();
        });
        builder.Services.AddMassTransit(bus =>
        {
            bus.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(prefix, includeNamespace: false));
            consumers?.Invoke(bus);
            bus.UsingRabbitMq((context, rabbit) =>
            {
                rabbit.Host(new Uri(connectionString));
                rabbit.UseEntityPrefix(entityPrefix);
                // The service's database away (restarted, failed over): the message waits for it, every few seconds for up
                // to an hour, instead of spending the short retries below and landing in the error queue while nothing
                // was wrong with it.
                rabbit.UseMessageRetry(retry =>
                {
                    retry.Interval(DatabaseOutageRetries, DatabaseOutageInterval);
                    retry.Handle<Exception>(ProblemExceptionHandler.IsDatabaseUnavailable);
                });
                // A consumer that loses a concurrency race, or meets a database hiccup, tries again; a rule's refusal
                // would only be refused again, so that message goes to the error queue at once.
                rabbit.UseMessageRetry(retry =>
                {
                    retry.Exponential(10, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(200));
                    retry.Ignore<RuleViolation>();
                    retry.Ignore<Exception>(ProblemExceptionHandler.IsDatabaseUnavailable);
                });
                rabbit.ConfigureEndpoints(context);
            });
        });
        return builder;
    }

    /// <summary>
    /// Names every message type's exchange with <paramref name="entityPrefix"/> in front (none when null or empty), so that
    /// buses sharing a broker but not a prefix never hear each other: each in-process test fixture has its own.
    /// </summary>
    public static void UseEntityPrefix(this IRabbitMqBusFactoryConfigurator rabbit, string? entityPrefix)
    {
        if (!string.IsNullOrEmpty(entityPrefix))
            rabbit.MessageTopology.SetEntityNameFormatter(new PrefixEntityNameFormatter(rabbit.MessageTopology.EntityNameFormatter, entityPrefix));
    }
}
