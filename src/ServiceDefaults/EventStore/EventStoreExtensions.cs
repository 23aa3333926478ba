using JasperFx.Events.Daemon;
using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ServiceManufacturing.ServiceDefaults.Audit;
using Weasel.Core;

namespace ServiceManufacturing.ServiceDefaults.EventStore;

/// <summary>How every service keeps its events: Marten on the service's own PostgreSQL database.</summary>
public static class EventStoreExtensions
{
    /// <summary>
    /// Adds Marten on the connection string <paramref name="connectionName"/>: the database is created if missing,
    /// events carry correlation, causation and trace headers, the async daemon runs the service's subscription.
    /// </summary>
    public static MartenServiceCollectionExtensions.MartenConfigurationExpression AddEventStore(
        this IHostApplicationBuilder builder, string connectionName, Action<StoreOptions> configure)
    {
        var connectionString = builder.Configuration.GetConnectionString(connectionName)
            ?? throw new InvalidOperationException($"Connection string '{connectionName}' is not configured.");
        builder.Services.AddHealthChecks().AddCheck("event-store", new EventStoreHealthCheck(connectionString), tags: ["ready"]);
        builder.Services.AddHttpContextAccessor();

        void Configure(StoreOptions options, string connection)
            {
                options.Connection(WithPreparedStatements(connection, builder.Configuration));
                options.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase);
                // Tests give each class its own schema in one database.
                if (builder.Configuration["EventStore:Schema"] is { Length: > 0 } schema)
                    options.DatabaseSchemaName = schema;
                // HotCold elects one node by an advisory lock on this id: unique per schema, so that stores sharing a
                // database (the tests' schemas) do not take each other's lock.
                options.Projections.DaemonLockId = DaemonLockIdFor(options.DatabaseSchemaName);
                // Replicas starting together: the second waits for the first one's schema migration, however slow.
                options.ApplyChangesLockTimeout = TimeSpan.FromMinutes(2);
                // A session (one request, one message) takes one pooled connection and keeps it: by default it takes one per
                // command, and Npgsql resets each taken connection with a DISCARD ALL, a transaction of its own on the server.
                options.UseStickyConnectionLifetimes = true;
                options.Events.MetadataConfig.CorrelationIdEnabled = true;
                options.Events.MetadataConfig.CausationIdEnabled = true;
                options.Events.MetadataConfig.HeadersEnabled = true;
                options.Events.MetadataConfig.UserNameEnabled = true;
                options.OpenTelemetry.TrackConnections = JasperFx.OpenTelemetry.TrackLevel.Normal;
                options.OpenTelemetry.TrackEventCounters();
                configure(options);
            }

        // The service works as its own role, which may append events but never change them; the configured (owner)
        // connection only migrates, before anything else starts (EventStoreMigration).
        var marten = builder.Services.AddMarten(options => Configure(options, ServiceRole.ConnectionStringFor(connectionString)))
            .UseLightweightSessions()
            .BuildSessionsWith<CorrelatedSessionFactory>()
            // Every replica of a service may run the daemon, but only the node holding the lock does (fail-over to
            // another when it goes): one relay per service however many replicas run.
            .AddAsyncDaemon(DaemonMode.HotCold);
        // The database must exist before the migration, and both come before every other hosted service.
        builder.Services.Insert(0, ServiceDescriptor.Singleton<IHostedService>(new DatabaseCreator(connectionString)));
        builder.Services.Insert(1, ServiceDescriptor.Singleton<IHostedService>(services => new EventStoreMigration(connectionString,
            provider =>
            {
                var options = new StoreOptions();
                Configure(options, connectionString);
                foreach (var extension in provider.GetServices<IConfigureMarten>()) extension.Configure(provider, options);
                return options;
            }, services)));
        builder.Services.AddSingleton(new EventStoreOwner(connectionString));
        return marten;
    }

    /// <summary>
    /// Marten sends the same few statements over and over (a projection rebuild one upsert per document, the daemon one
    /// event page query per page): Npgsql prepares those used twice on a connection, so that PostgreSQL parses and plans
    /// them once per connection instead of once per call (measured on a rebuild of 100,000 review cases: PostgreSQL's
    /// CPU 25.5 s without, 10.4 s with; the upsert's planning alone was 6 of its 15 s). <c>EventStore:MaxAutoPrepare</c>
    /// (default 50 per connection; 0 turns it off); a connection string that sets it itself is left as it is.
    /// </summary>
    internal static string WithPreparedStatements(string connection, IConfiguration configuration)
    {
        if (connection.Contains("Auto Prepare", StringComparison.OrdinalIgnoreCase)) return connection;
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connection);
        builder.MaxAutoPrepare = configuration.GetValue("EventStore:MaxAutoPrepare", 50);
        builder.AutoPrepareMinUsages = 2;
        return builder.ConnectionString;
    }

    static int DaemonLockIdFor(string schema) =>
        BitConverter.ToInt32(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes("daemon:" + schema)), 0) & 0x3fffffff;
}

/// <summary>The configured (owner) connection to the service's database, which migrates it.</summary>
public sealed record EventStoreOwner(string ConnectionString);
