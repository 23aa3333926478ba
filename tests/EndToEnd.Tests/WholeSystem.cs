using System.Diagnostics;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace ServiceManufacturing.Tests.EndToEnd;

/// <summary>Every end-to-end class shares one running system (and its fixed server ports), one class at a time.</summary>
[CollectionDefinition(Name)]
public sealed class WholeSystemCollection : ICollectionFixture<WholeSystem>
{
    public const string Name = "whole system";
}

/// <summary>
/// The whole AppHost, started as an operator would on a machine without Docker: PostgreSQL and RabbitMQ from
/// Debian's packages as local executables, in a data folder of this test run, on ports of their own. The gateway's
/// per-user rate limit is lowered so that a test can pass it.
/// </summary>
public partial class WholeSystem : IAsyncLifetime
{
    /// <summary>Requests per user per <see cref="RateLimitWindow"/> at the gateway, in these tests.</summary>
    public const int PerUserLimit = 40;
    public static readonly TimeSpan RateLimitWindow = TimeSpan.FromSeconds(10);
    readonly Dictionary<string, (Tokens Tokens, DateTime At)> signedIn = [];
    readonly int perUserLimit, postgresPort, amqpPort, replicas;
    readonly string rabbitNode, dataDirectory;

    public WholeSystem() : this(PerUserLimit, 27432, 27682, "e2e") { }

    /// <summary>
    /// The system with the gateway letting each user <paramref name="perUserLimit"/> requests per window, on server
    /// ports and a data folder of its own (named <paramref name="name"/>), so that two systems never meet; each service
    /// runs <paramref name="replicas"/> instances.
    /// </summary>
    protected WholeSystem(int perUserLimit, int postgresPort, int amqpPort, string name, int replicas = 1)
    {
        this.replicas = replicas;
        // Two checkouts testing side by side shift their servers' ports apart (SM_E2E_PORT_OFFSET, 0 when unset).
        var offset = int.TryParse(Environment.GetEnvironmentVariable("SM_E2E_PORT_OFFSET"), out var o) ? o : 0;
        (this.perUserLimit, this.postgresPort, this.amqpPort) = (perUserLimit, postgresPort + offset, amqpPort + offset);
        rabbitNode = $"sm-{name}{(offset == 0 ? "" : offset.ToString())}@localhost";
        dataDirectory = Path.Combine(Environment.GetEnvironmentVariable("SM_E2E_DATA") ?? Path.Combine(Path.GetTempPath(), $"sm-e2e-{Guid.NewGuid():N}"), name);
    }

    /// <summary>Generous, as a loaded 2-core machine starts slowly; replicas also wait for each other's schema migrations.</summary>
    TimeSpan StartTimeout => TimeSpan.FromMinutes(replicas == 1 ? 10 : 15);


    static readonly string[] Servers = ["postgres", "rabbitmq"];

    string ReviewClockFile => Path.Combine(dataDirectory, "review-clock.json");

    /// <summary>
    /// Moves Review's clock (a development-only setting, see Services.Review's DevelopmentClock) <paramref name="offset"/>
    /// ahead of the real time; <see cref="TimeSpan.Zero"/> puts it back. Review reads the file when it changes: callers wait
    /// for the effect they need.
    /// </summary>
    public Task ShiftReviewClockAsync(TimeSpan offset) =>
        File.WriteAllTextAsync(ReviewClockFile, $$"""{ "Clock": { "Offset": "{{offset.ToString("c", System.Globalization.CultureInfo.InvariantCulture)}}" } }""");

    public DistributedApplication App { get; private set; } = null!;
    public HttpClient Gateway { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (Directory.Exists(dataDirectory)) Directory.Delete(dataDirectory, recursive: true);
        Directory.CreateDirectory(dataDirectory);
        await ShiftReviewClockAsync(TimeSpan.Zero);
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>([
            "--Infrastructure:Mode=local",
            $"--Infrastructure:DataDirectory={dataDirectory}",
            $"--Infrastructure:PostgresPort={postgresPort}",
            $"--Infrastructure:RabbitMqPort={amqpPort}",
            $"--Infrastructure:RabbitMqNode={rabbitNode}",
            $"--Services:Replicas={replicas}",
        ]);
        builder.CreateResourceBuilder<ProjectResource>("review").WithEnvironment("Clock__File", ReviewClockFile);
        builder.CreateResourceBuilder<ProjectResource>("gateway")
            .WithEnvironment("RateLimits__PerUser__PermitLimit", perUserLimit.ToString())
            .WithEnvironment("RateLimits__PerUser__Window", RateLimitWindow.ToString())
            .WithEnvironment("RateLimits__PerAddress__PermitLimit", "100000");
        // The test host runs no dashboard, yet Aspire points every project's telemetry at one: nothing listens there,
        // and each export failed and was retried (20-40 exceptions a second in each idle service, measured), a load
        // that no deployment with a collector has. Without an endpoint the services export nothing (ServiceDefaults).
        foreach (var project in builder.Resources.OfType<ProjectResource>())
            builder.CreateResourceBuilder(project).WithEnvironment("OTEL_EXPORTER_OTLP_ENDPOINT", "");
        App = await builder.BuildAsync();
        using var timeout = new CancellationTokenSource(StartTimeout);
        try
        {
            await App.StartAsync(timeout.Token);
            var healthy = App.ResourceNotifications.WaitForResourceHealthyAsync("gateway", timeout.Token);
            var serverStopped = Task.WhenAny(Servers.Select(server =>
                App.ResourceNotifications.WaitForResourceAsync(server, e => e.Snapshot.ExitCode is not null, timeout.Token)));
            // A server's wait that ended because the time ran out is the timeout below, not a stopped server.
            if (await Task.WhenAny(healthy, serverStopped) != healthy && !timeout.IsCancellationRequested)
                throw new InvalidOperationException($"A server of the system stopped while it started:{Environment.NewLine}{await ReportAsync()}");
            await healthy;
        }
        catch (OperationCanceledException)
        {
            throw new InvalidOperationException($"The system did not become healthy within {StartTimeout}:{Environment.NewLine}{await ReportAsync()}");
        }
        GatewayAddress = App.GetEndpoint("gateway", "http");
        Gateway = new HttpClient { BaseAddress = GatewayAddress, Timeout = TimeSpan.FromSeconds(30) };
        await OpenACurrentCampaignAsync();
    }

    /// <summary>
    /// The seeded 2023 fifth batch closed for applications on 2023-05-31; as the ministry would, close it and open a
    /// campaign of this year, so that submissions made now are in time.
    /// </summary>
    public Task OpenACurrentCampaignAsync() => OpenCampaignAsync(new DateOnly(DateTime.UtcNow.Year + 1, 12, 31));

    int batch = 5;

    /// <summary>
    /// As the ministry: closes the campaign that takes applications and opens the next, with the fifth batch's quotas
    /// and every deadline on <paramref name="deadline"/> (end of day, China Standard Time). Its id.
    /// </summary>
    public async Task<Guid> OpenCampaignAsync(DateOnly deadline)
    {
        using var ministry = await ClientAsync("ministry-admin", "Ministry-Admin-2023");
        // The ministry's account is shared by many tests, each polling as it waits: this waits out its per-user limit
        // (429 with Retry-After) as a front-end would.
        var current = await Patiently(() => ministry.GetAsync("/api/v1/campaigns/current"));
        if (current.IsSuccessStatusCode)
        {
            var id = (await current.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetGuid();
            (await Patiently(() => ministry.PostAsync($"/api/v1/campaigns/{id}/closure", null))).EnsureSuccessStatusCode();
        }
        var fifthAnswer = await Patiently(() => ministry.GetAsync("/api/v1/campaigns/0186b7a0-0000-7000-8000-000000000005"));
        var fifth = await fifthAnswer.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        var year = DateTime.UtcNow.Year;
        var date = deadline.ToString("yyyy-MM-dd");
        var number = ++batch;
        var opened = await Patiently(() => ministry.PostAsJsonAsync("/api/v1/campaigns", new
        {
            year, batch = number, name = $"{year}年第{number}批服务型制造示范遴选（测试）", eligibilityWindowStart = $"{year - 2}-01-01",
            platformMinimumOperatingYears = 2, enterpriseServiceRevenueShare = 0.3,
            deadlines = new { contactPersons = date, applications = date, recommendations = date, evaluationMaterial = date },
            quotas = fifth.GetProperty("quotas"),
        }));
        opened.EnsureSuccessStatusCode();
        return (await opened.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>Sends again, after the Retry-After the gateway names, while the answer is 429 (at most a minute in all).</summary>
    public static async Task<HttpResponseMessage> Patiently(Func<Task<HttpResponseMessage>> send)
    {
        var until = DateTime.UtcNow + TimeSpan.FromMinutes(1);
        while (true)
        {
            var response = await send();
            if (response.StatusCode != System.Net.HttpStatusCode.TooManyRequests || DateTime.UtcNow > until) return response;
            await Task.Delay(response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1));
        }
    }

    public Uri GatewayAddress { get; private set; } = null!;

    /// <summary>A gateway client signed in (through the OIDC flow, once per user) as <paramref name="userName"/>.</summary>
    public async Task<HttpClient> ClientAsync(string userName, string password = SignIn.DevelopmentPassword)
    {
        // An access token lives 15 minutes and a whole run lasts longer: a user signed in 10 minutes ago signs in again.
        if (!signedIn.TryGetValue(userName, out var held) || DateTime.UtcNow - held.At > TimeSpan.FromMinutes(10))
            signedIn[userName] = held = (await SignIn.AsAsync(GatewayAddress, userName, password), DateTime.UtcNow);
        return SignIn.Bearer(GatewayAddress, held.Tokens);
    }

    /// <summary>The tokens of a user signed in through <see cref="ClientAsync"/>.</summary>
    public Tokens TokensOf(string userName) => signedIn[userName].Tokens;

    /// <summary>Each resource's state, and the servers' last log lines: what an operator would look at on the dashboard.</summary>
    async Task<string> ReportAsync()
    {
        var report = new System.Text.StringBuilder();
        foreach (var resource in App.Services.GetRequiredService<DistributedApplicationModel>().Resources)
        {
            App.ResourceNotifications.TryGetCurrentState(resource.Name, out var state);
            report.AppendLine($"{resource.Name}: {state?.Snapshot.State?.Text ?? "unknown"} (exit code {state?.Snapshot.ExitCode?.ToString() ?? "none"})");
        }
        // The server scripts copy what they print to <data>/<server>-console.log (the dashboard's log stream is not kept).
        foreach (var server in Servers)
        {
            var log = Path.Combine(dataDirectory, $"{server}-console.log");
            report.AppendLine($"--- {server}, last lines of {log} ---");
            if (File.Exists(log))
                foreach (var line in File.ReadLines(log).TakeLast(20)) report.AppendLine(line);
        }
        return report.ToString();
    }

    public async Task DisposeAsync()
    {
        Gateway?.Dispose();
        if (App is not null) await App.DisposeAsync();
    }

    /// <summary>A connection to a service's own database, to look at what it stored.</summary>
    public async Task<NpgsqlConnection> OpenDatabaseAsync(string resourceName)
    {
        var connection = new NpgsqlConnection(await App.GetConnectionStringAsync(resourceName));
        await connection.OpenAsync();
        return connection;
    }
}
