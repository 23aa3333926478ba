using Xunit;
using Marten;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace ServiceManufacturing.Tests.TestSupport;

/// <summary>
/// One service, in process, on the real test servers: its own schema in its database and its own queue names,
/// so test classes never see each other's data. The clock is a <see cref="TestClock"/>.
/// </summary>
public abstract class ServiceFactory<TProgram>(string connectionName, string database)
    : WebApplicationFactory<TProgram>, IAsyncLifetime where TProgram : class
{
    string postgres = "";

    /// <summary>The schema this factory's event store lives in.</summary>
    public string Schema { get; } = "test_" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>The broker URI the service uses.</summary>
    public string RabbitMq { get; private set; } = "";

    /// <summary>
    /// What this fixture's message exchanges are named with in front, so that it hears only what its own tests and
    /// service publish, never another test class's.
    /// </summary>
    public string EntityPrefix => Schema + ".";

    /// <summary>The service's clock; move it to test dates and deadlines.</summary>
    public TestClock Clock { get; } = new(new DateTimeOffset(2023, 3, 15, 9, 0, 0, TimeSpan.FromHours(8)));

    /// <summary>The errors the service has logged (with exceptions), for a test to show why it answered 500.</summary>
    public LoggedErrors LoggedErrors { get; } = new();

    /// <summary>The service's event store.</summary>
    public IDocumentStore Store => Services.GetRequiredService<IDocumentStore>();

    public async Task InitializeAsync()
    {
        (postgres, RabbitMq) = await TestServers.GetAsync();
        _ = Server; // starts the host: schema migration, the broker connection, the async daemon
    }

    // xunit disposes a fixture through IDisposable as well; disposing here too would dispose the host twice.
    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting($"ConnectionStrings:{connectionName}",
            new NpgsqlConnectionStringBuilder(postgres) { Database = database }.ConnectionString);
        builder.UseSetting("ConnectionStrings:messaging", RabbitMq);
        builder.UseSetting("EventStore:Schema", Schema);
        builder.UseSetting("Messaging:EndpointPrefix", Schema);
        builder.UseSetting("Messaging:EntityPrefix", EntityPrefix);
        builder.UseSetting("Identity:Issuer", TestTokens.Issuer);
        builder.UseSetting("Identity:SigningPublicKey", TestTokens.PublicKeyPem);
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
        builder.ConfigureServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            // The host is started only once the bus is ready: its queues bound to this fixture's exchanges. A test's first
            // message published before that would go to an exchange with no queue bound yet, and be dropped.
            services.Configure<MassTransit.MassTransitHostOptions>(options =>
            {
                options.WaitUntilStarted = true;
                options.StartTimeout = TimeSpan.FromSeconds(60);
            });
        });
        builder.ConfigureLogging(logging => logging.AddProvider(LoggedErrors));
    }

    /// <summary>Settings of this service beyond the common ones.</summary>
    protected virtual IEnumerable<KeyValuePair<string, string>> Settings => [];

    /// <summary>A client that calls the service as <paramref name="user"/>.</summary>
    public HttpClient ClientFor(ServiceManufacturing.ServiceDefaults.Identity.CurrentUser user) => CreateClient().As(user);

    /// <summary>A client that sees each answer as given, redirects included; as <paramref name="user"/> when given.</summary>
    public HttpClient RawClient(ServiceManufacturing.ServiceDefaults.Identity.CurrentUser? user = null)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        return user is null ? client : client.As(user);
    }

    /// <summary>How many events the service has stored, in every stream.</summary>
    public async Task<long> EventCountAsync()
    {
        // Only what requests stored: the events a consumer appended for a message (its causation id is the message's id,
        // recorded as applied) are left out, since every fixture's queues hear what other test classes publish.
        await using var session = Store.QuerySession();
        var schema = Store.Options.Events.DatabaseSchemaName;
        var applied = await session.AdvancedSql.QueryAsync<string>(
            $"select coalesce(to_regclass('{schema}.mt_doc_appliedmessage')::text, '')", CancellationToken.None);
        var consumed = applied.Single() is { Length: > 0 }
            ? $" where causation_id is null or causation_id not in (select data ->> 'messageId' from {schema}.mt_doc_appliedmessage)"
            : "";
        return (await session.AdvancedSql.QueryAsync<long>($"select count(*) from {schema}.mt_events{consumed}", CancellationToken.None)).Single();
    }
}

/// <summary>A clock the test moves.</summary>
public sealed class TestClock(DateTimeOffset now) : TimeProvider
{
    DateTimeOffset now = now;

    public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();

    public void Set(DateTimeOffset value) => now = value;

    public void Advance(TimeSpan by) => now += by;
}
