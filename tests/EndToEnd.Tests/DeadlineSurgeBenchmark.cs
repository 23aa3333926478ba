using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using ServiceManufacturing.ServiceDefaults.Audit;
using ServiceManufacturing.Tests.EndToEnd.Benchmarks;
using ServiceManufacturing.Tests.TestSupport;
using Xunit.Abstractions;

namespace ServiceManufacturing.Tests.EndToEnd;

/// <summary>The whole system with the gateway's per-user limit out of the way, to measure the services behind it.</summary>
public sealed class SurgeSystem() : WholeSystem(perUserLimit: 1_000_000, postgresPort: 28432, amqpPort: 28682, name: "surge");

/// <summary>A benchmark: it runs only when SM_BENCH=1 (eng/bench.sh sets it), never in the test command.</summary>
public sealed class BenchmarkFactAttribute : FactAttribute
{
    public BenchmarkFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("SM_BENCH") != "1") Skip = "A benchmark: run eng/bench.sh.";
    }
}

/// <summary>
/// The day of the deadline, measured through the gateway, each figure beside a baseline measured in the same run (these
/// machines are shared, and absolute times drift): the idle system's CPU; the surge of signed-in applicants creating,
/// saving and submitting, beside Marten appending the same number of events straight to the same PostgreSQL; each
/// submission's way to Review; a read through the gateway beside the same read straight at the service; a projection
/// rebuilt over a million events beside a raw read of the same table. It writes <c>SM_BENCH_RESULTS</c> (JSON), prints
/// the figures and asserts only that everything arrived; it never fails on time. Not part of the test command:
/// <c>eng/bench.sh</c> runs it. Sizes: SM_BENCH_APPLICANTS (64, all at once), SM_BENCH_SUBMISSIONS (20000),
/// SM_BENCH_REPLAY_EVENTS (1000000), SM_BENCH_IDLE_SECONDS (60), SM_BENCH_READ_SECONDS (10).
/// </summary>
[Trait("Category", "Benchmark")]
public class DeadlineSurgeBenchmark(SurgeSystem system, ITestOutputHelper output) : IClassFixture<SurgeSystem>
{
    static readonly int Applicants = Setting("SM_BENCH_APPLICANTS", 64);
    static readonly int Submissions = Setting("SM_BENCH_SUBMISSIONS", 20_000);
    static readonly int ReplayEvents = Setting("SM_BENCH_REPLAY_EVENTS", 1_000_000);
    static readonly int IdleSeconds = Setting("SM_BENCH_IDLE_SECONDS", 60);
    static readonly int ReadSeconds = Setting("SM_BENCH_READ_SECONDS", 10);

    readonly ConcurrentDictionary<string, ConcurrentBag<double>> latencies = new();
    readonly JsonObject figures = new();
    readonly StringBuilder report = new();

    [BenchmarkFact]
    public async Task TheDeadlineSurge()
    {
        Line($"Deadline surge: {Applicants} applicants at once, {Submissions} submissions, {Environment.ProcessorCount} cores");
        try
        {
            // The results are written after each part, so that a run stopped for time keeps what it measured.
            await IdleAsync();
            await WriteResultsAsync();
            await SurgeAsync();
            await WriteResultsAsync();
            await GatewayAsync();
            await WriteResultsAsync();
            await ReplayAsync();
        }
        finally
        {
            await WriteResultsAsync();
            output.WriteLine(report.ToString());
        }
    }

    /// <summary>The minute after the system became healthy, with no traffic: CPU per part, from /proc.</summary>
    async Task IdleAsync()
    {
        var before = SystemProcesses.Now();
        var clock = Stopwatch.StartNew();
        await Task.Delay(TimeSpan.FromSeconds(IdleSeconds));
        var cpu = SystemProcesses.CpuPercent(before, SystemProcesses.Now(), clock.Elapsed);
        var system = SystemProcesses.Services.Concat(SystemProcesses.Servers).Sum(p => cpu.GetValueOrDefault(p));
        Figure("idle_cpu_percent", system);
        Figure("idle_cpu_dashboard_percent", cpu.GetValueOrDefault("dashboard") + cpu.GetValueOrDefault("dcp"));
        foreach (var (part, percent) in cpu.OrderBy(c => c.Key)) Figure($"idle_cpu_{part}_percent", percent);
        Line();
        Line($"idle, {IdleSeconds} s after healthy: {system:0.00}% of a core (services, gateway, PostgreSQL, RabbitMQ; target < 5)");
        Line("  " + string.Join(", ", cpu.OrderBy(c => c.Key).Select(c => $"{c.Key} {c.Value:0.00}%")));
    }

    const string Transactions = "SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = current_database()";

    async Task SurgeAsync()
    {
        // Registered, signed in (authorization code + PKCE) and bound before the timed part; each files one warm-up
        // application (its binding has reached Registration then, and every path is compiled).
        var clock = Stopwatch.StartNew();
        var applicants = await AtOnceAsync(Enumerable.Range(1, Applicants), Math.Min(Applicants, 16), async i =>
        {
            var creditCode = Screening.CreditCodeIn("440300");
            var name = $"深圳某某制造有限公司{i:000}";
            var registered = await Api.PostAsync(system.Gateway, "/api/v1/accounts/applicants",
                new { userName = $"surge.{i}", password = "Surge-Password-1", displayName = name, creditCode });
            Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
            var client = SignIn.Bearer(system.GatewayAddress, await SignIn.AsAsync(system.GatewayAddress, $"surge.{i}", "Surge-Password-1"));
            client.Timeout = TimeSpan.FromMinutes(2);
            await Screening.BindAsync(system, client, creditCode, name);
            await Api.CreateAndSubmitAsync(client, name, creditCode: creditCode);
            return (Client: client, CreditCode: creditCode, Name: name);
        });
        Line();
        Line($"registration, sign-in, binding and a warm-up submission of all {Applicants}: {clock.Elapsed.TotalSeconds:0.0} s");

        await using var registration = await system.OpenDatabaseAsync("registrationdb");
        await using var review = await system.OpenDatabaseAsync("reviewdb");
        var eventsBefore = await ReplaySeed.CountAsync(registration, "SELECT coalesce(max(seq_id), 0) FROM mt_events");
        var transactionsBefore = await ReplaySeed.CountAsync(registration, Transactions);
        var acknowledged = new ConcurrentDictionary<Guid, TimeSpan>();
        var seen = new ConcurrentDictionary<Guid, TimeSpan>();
        using var watching = new CancellationTokenSource();
        clock.Restart();
        var watcher = WatchReviewCasesAsync(review, clock, seen, watching.Token);
        var relayLag = SampleRelayLagAsync(await system.OpenDatabaseAsync("registrationdb"), watching.Token);
        var cpuBefore = SystemProcesses.Now();

        // Every applicant at once, each filing one application after another until the submissions are all made.
        var remaining = Submissions;
        await Task.WhenAll(applicants.Select(async a =>
        {
            while (Interlocked.Decrement(ref remaining) >= 0)
            {
                var created = await Timed("create draft", () => a.Client.PostAsJsonAsync("/api/v1/applications",
                    new { category = "enterprise", organisationName = a.Name, creditCode = a.CreditCode, authorityCode = "440300" }));
                Assert.Equal(HttpStatusCode.Created, created.StatusCode);
                var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
                var saved = await Timed("save form", () => a.Client.PutAsJsonAsync($"/api/v1/applications/{id}/form", Api.EnterpriseForm));
                Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
                var submitted = await Timed("submit", () => a.Client.PostAsync($"/api/v1/applications/{id}/submission", null));
                Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
                acknowledged[id] = clock.Elapsed;
            }
        }));
        var surge = clock.Elapsed;
        var peaks = SystemProcesses.Now();
        var surgeCpu = SystemProcesses.CpuPercent(cpuBefore, peaks, surge);
        var eventsAppended = await ReplaySeed.CountAsync(registration, "SELECT coalesce(max(seq_id), 0) FROM mt_events") - eventsBefore;

        // The relay carries every submission to Review: its case readable in Review's database.
        var drainDeadline = clock.Elapsed + TimeSpan.FromMinutes(10);
        while (acknowledged.Keys.Any(id => !seen.ContainsKey(id)) && clock.Elapsed < drainDeadline) await Task.Delay(100);
        watching.Cancel();
        await watcher;
        var lags = await relayLag;
        // A backend reports its counts when it goes idle, at the latest 10 s later: the count waits that out.
        if (clock.Elapsed < surge + TimeSpan.FromSeconds(11)) await Task.Delay(surge + TimeSpan.FromSeconds(11) - clock.Elapsed);
        var transactions = await ReplaySeed.CountAsync(registration, Transactions) - transactionsBefore;
        var missing = acknowledged.Keys.Count(id => !seen.ContainsKey(id));
        var propagation = acknowledged.Where(a => seen.ContainsKey(a.Key)).Select(a => (seen[a.Key] - a.Value).TotalMilliseconds).Order().ToArray();
        var drain = acknowledged.Keys.Where(seen.ContainsKey).Select(id => seen[id]).DefaultIfEmpty().Max() - surge;

        var surgeEventsPerSecond = eventsAppended / surge.TotalSeconds;
        var baseline = await BaselineAppends.EventsPerSecondAsync(await system.App.GetConnectionStringAsync("reviewdb") ?? "",
            (int)eventsAppended, Applicants);
        var submitLatencies = latencies["submit"].Order().ToArray();
        Figure("surge_submissions_per_s", Submissions / surge.TotalSeconds);
        Figure("surge_events_per_s", surgeEventsPerSecond);
        Figure("surge_events", eventsAppended);
        Figure("surge_baseline_events_per_s", baseline);
        Figure("surge_ratio", surgeEventsPerSecond / baseline);
        Figure("surge_registration_transactions_per_submission", (double)transactions / Submissions);
        Figure("surge_p50_ms", Percentile(submitLatencies, 0.50));
        Figure("surge_p99_ms", Percentile(submitLatencies, 0.99));
        Figure("surge_seconds", surge.TotalSeconds);
        Figure("propagation_p50_ms", Percentile(propagation, 0.50));
        Figure("propagation_p99_ms", Percentile(propagation, 0.99));
        Figure("propagation_missing", missing);
        Figure("drain_s", drain.TotalSeconds);
        var resident = peaks.Where(p => SystemProcesses.Services.Contains(p.Part)).GroupBy(p => p.Part)
            .ToDictionary(g => g.Key, g => g.Max(p => p.PeakResidentMb));
        Figure("max_rss_mb", resident.Values.DefaultIfEmpty().Max());
        foreach (var (part, mb) in resident.OrderBy(r => r.Key)) Figure($"max_rss_{part}_mb", mb);

        Line();
        Line($"surge: {Submissions} submissions (create + save + submit) in {surge.TotalSeconds:0.0} s = {Submissions / surge.TotalSeconds:0.0} per second");
        Line($"  events appended by Registration: {eventsAppended} = {surgeEventsPerSecond:0} per second; baseline (Marten alone, {Applicants} writers, same server): {baseline:0} per second; ratio {surgeEventsPerSecond / baseline:0.000} (target >= 0.5)");
        Line($"  PostgreSQL transactions in Registration's database (pg_stat_database, the daemon's and relay's included): {transactions} = {(double)transactions / Submissions:0.0} per create + save + submit");
        Line($"  submit p50 {Percentile(submitLatencies, 0.5):0} ms, p99 {Percentile(submitLatencies, 0.99):0} ms (target < 250)");
        Line($"propagation to Review (its case opened in Review's database, polled every 20 ms): p50 {Percentile(propagation, 0.5):0} ms, p99 {Percentile(propagation, 0.99):0} ms (target < 250); {missing} missing");
        Line($"  CPU during the surge, % of one core: " + string.Join(", ", surgeCpu.OrderByDescending(c => c.Value).Select(c => $"{c.Key} {c.Value:0}%")));
        Line($"  Registration's relay behind its store (events, sampled each second from the surge's start): max {lags.DefaultIfEmpty().Max()}, at the surge's end {lags.ElementAtOrDefault((int)surge.TotalSeconds)}; " +
            string.Join(" ", lags.Select(l => l.ToString(CultureInfo.InvariantCulture))));
        foreach (var (part, percent) in surgeCpu) Figure($"surge_cpu_{part}_percent", percent);
        Figure("surge_relay_lag_max_events", lags.DefaultIfEmpty().Max());
        Line($"drain: the last case {drain.TotalSeconds:0.0} s after the last submission returned");
        Line($"peak resident memory (VmHWM): " + string.Join(", ", resident.OrderBy(r => r.Key).Select(r => $"{r.Key} {r.Value:0} MB")) + " (target < 150)");
        Line();
        Line($"{"request",-24}{"count",8}{"p50 ms",10}{"p95 ms",10}{"p99 ms",10}{"max ms",10}");
        foreach (var (name, values) in latencies.OrderBy(l => l.Key))
        {
            var sorted = values.Order().ToArray();
            Line($"{name,-24}{sorted.Length,8}{Percentile(sorted, 0.50),10:0}{Percentile(sorted, 0.95),10:0}{Percentile(sorted, 0.99),10:0}{sorted[^1],10:0}");
        }
        Assert.Equal(0, missing);
    }

    /// <summary>
    /// Polls Review's events for cases opened since the last look (its case list is projected inline, in the event's
    /// transaction: the event visible is the case readable), by the indexed sequence and a window back for transactions
    /// that commit out of order. (Polling the case table by its unindexed mt_last_modified scanned it 50 times a second.)
    /// </summary>
    static async Task WatchReviewCasesAsync(NpgsqlConnection review, Stopwatch clock, ConcurrentDictionary<Guid, TimeSpan> seen, CancellationToken ct)
    {
        var last = await ReplaySeed.CountAsync(review, "SELECT coalesce(max(seq_id), 0) FROM mt_events") - 1000;
        while (true)
        {
            await using (var poll = new NpgsqlCommand(
                "SELECT seq_id, stream_id FROM mt_events WHERE seq_id > @since AND type = 'review_case_opened'", review))
            {
                poll.Parameters.AddWithValue("since", last - 1000);
                await using var reader = await poll.ExecuteReaderAsync(CancellationToken.None);
                var now = clock.Elapsed;
                while (await reader.ReadAsync(CancellationToken.None))
                {
                    seen.TryAdd(reader.GetGuid(1), now);
                    last = Math.Max(last, reader.GetInt64(0));
                }
            }
            if (ct.IsCancellationRequested) return;
            try { await Task.Delay(20, ct); } catch (OperationCanceledException) { }
        }
    }

    /// <summary>How many of Registration's events its relay has yet to publish, once a second until cancelled.</summary>
    static async Task<List<long>> SampleRelayLagAsync(NpgsqlConnection registration, CancellationToken ct)
    {
        var lags = new List<long>();
        await using (registration)
            while (!ct.IsCancellationRequested)
            {
                lags.Add(await ReplaySeed.CountAsync(registration, """
                    SELECT (SELECT coalesce(max(seq_id), 0) FROM mt_events)
                         - coalesce((SELECT max(last_seq_id) FROM mt_event_progression WHERE name LIKE 'IntegrationEventRelay%'), 0)
                    """));
                try { await Task.Delay(1000, ct); } catch (OperationCanceledException) { }
            }
        return lags;
    }

    /// <summary>One review case read by the officer, through the gateway and straight at Review with the same token.</summary>
    async Task GatewayAsync()
    {
        await using var review = await system.OpenDatabaseAsync("reviewdb");
        var ids = new List<Guid>();
        await using (var list = new NpgsqlCommand("SELECT id FROM mt_doc_reviewcasedetails LIMIT 1000", review))
        await using (var reader = await list.ExecuteReaderAsync())
            while (await reader.ReadAsync()) ids.Add(reader.GetGuid(0));
        using var throughGateway = SignIn.Bearer(system.GatewayAddress, await SignIn.AsAsync(system.GatewayAddress, "officer.shenzhen"));
        using var direct = new HttpClient { BaseAddress = system.App.GetEndpoint("review", "http"), Timeout = TimeSpan.FromSeconds(30) };
        direct.DefaultRequestHeaders.Authorization = throughGateway.DefaultRequestHeaders.Authorization;
        var (directRate, directP50) = await ReadAsync(direct, ids, "read straight at Review");
        var (gatewayRate, gatewayP50) = await ReadAsync(throughGateway, ids, "read through the gateway");
        Figure("gateway_reads_per_s", gatewayRate);
        Figure("gateway_baseline_reads_per_s", directRate);
        Figure("gateway_ratio", gatewayRate / directRate);
        Figure("gateway_added_p50_ms", gatewayP50 - directP50);
        Line();
        Line($"a review case read, {Applicants / 4} readers for {ReadSeconds} s: through the gateway {gatewayRate:0} per second (p50 {gatewayP50:0.0} ms), straight at Review {directRate:0} per second (p50 {directP50:0.0} ms); ratio {gatewayRate / directRate:0.000} (target >= 0.7), added p50 {gatewayP50 - directP50:0.0} ms");
    }

    async Task<(double PerSecond, double P50)> ReadAsync(HttpClient client, List<Guid> ids, string name)
    {
        // Warm up, then read for the time given.
        for (var i = 0; i < 20; i++) (await client.GetAsync($"/api/v1/review-cases/{ids[i % ids.Count]}")).EnsureSuccessStatusCode();
        var reads = 0;
        var clock = Stopwatch.StartNew();
        using var reading = new CancellationTokenSource(TimeSpan.FromSeconds(ReadSeconds));
        await Task.WhenAll(Enumerable.Range(0, Math.Max(1, Applicants / 4)).Select(async worker =>
        {
            for (var i = worker; !reading.IsCancellationRequested; i += 7)
            {
                var response = await Timed(name, () => client.GetAsync($"/api/v1/review-cases/{ids[i % ids.Count]}"));
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Interlocked.Increment(ref reads);
            }
        }));
        return (reads / clock.Elapsed.TotalSeconds, Percentile(latencies[name].Order().ToArray(), 0.5));
    }

    /// <summary>
    /// Review's case list rebuilt (its daemon, through its own endpoint) over a million seeded cases, beside a raw read of
    /// the same events table. Review is restarted after seeding, so that its daemon starts past the seeded events.
    /// </summary>
    async Task ReplayAsync()
    {
        await using (var seeding = await system.OpenDatabaseAsync("reviewdb"))
        {
            var clock = Stopwatch.StartNew();
            await ReplaySeed.SeedAsync(seeding, "review_case_opened", ReplayEvents);
            Line();
            Line($"replay: {ReplayEvents} review cases seeded in {clock.Elapsed.TotalSeconds:0.0} s");
        }
        // Killed, as its graceful stop waits for the daemon's work on the seeded events; then started again.
        foreach (var process in SystemProcesses.Now().Where(p => p.Part == "review"))
            using (var kill = Process.Start("kill", ["-KILL", process.Pid.ToString(CultureInfo.InvariantCulture)])) await kill.WaitForExitAsync();
        using (var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1)))
            await system.App.ResourceNotifications.WaitForResourceAsync("review", e => e.Snapshot.ExitCode is not null, timeout.Token);
        await system.StartResourceAsync("review");

        await using var review = await system.OpenDatabaseAsync("reviewdb");
        var events = await ReplaySeed.CountAsync(review, "SELECT count(*) FROM mt_events");
        var (read, readRate) = await ReplaySeed.RawReadAsync(review);
        // Signed in afresh: the fixture's tokens (15 minutes) have expired by now in a full-size run.
        using var ministry = SignIn.Bearer(system.GatewayAddress, await SignIn.AsAsync(system.GatewayAddress, "ministry-admin", "Ministry-Admin-2023"));
        using var direct = new HttpClient { BaseAddress = system.App.GetEndpoint("review", "http"), Timeout = TimeSpan.FromMinutes(30) };
        direct.DefaultRequestHeaders.Authorization = ministry.DefaultRequestHeaders.Authorization;
        var cpuBefore = SystemProcesses.Now();
        var rebuild = Stopwatch.StartNew();
        // The rebuild runs in the background (202 with its status in Location): followed until it is no longer running.
        var rebuilt = await AuditProbe.RebuildAsync(direct, "review", "ReviewCaseDetails", TimeSpan.FromMinutes(30));
        var seconds = rebuild.Elapsed.TotalSeconds;
        var cpu = SystemProcesses.CpuPercent(cpuBefore, SystemProcesses.Now(), rebuild.Elapsed);
        foreach (var (part, percent) in cpu) Figure($"replay_cpu_{part}_percent", percent);
        Assert.True(rebuilt.State == ProjectionRebuildStatus.Succeeded, rebuilt.Error);
        var cases = await ReplaySeed.CountAsync(review, "SELECT count(*) FROM mt_doc_reviewcasedetails");
        Figure("replay_events", events);
        Figure("replay_events_per_s", events / seconds);
        Figure("replay_baseline_events_per_s", readRate);
        Figure("replay_ratio", events / seconds / readRate);
        Line($"  ReviewCaseDetails rebuilt over {events} events in {seconds:0.0} s = {events / seconds:0} per second ({cases} cases); raw read of the table: {read} in {read / readRate:0.0} s = {readRate:0} per second; ratio {events / seconds / readRate:0.000} (target >= 0.5)");
        Line($"  CPU during the rebuild, % of one core: " + string.Join(", ", cpu.OrderByDescending(c => c.Value).Select(c => $"{c.Key} {c.Value:0}%")));
    }

    async Task WriteResultsAsync()
    {
        var machine = new JsonObject
        {
            ["cores"] = Environment.ProcessorCount,
            ["memory_mb"] = MemoryMb(),
            ["cpu"] = CpuModel(),
            ["os"] = System.Runtime.InteropServices.RuntimeInformation.OSDescription,
            ["dotnet"] = Environment.Version.ToString(),
            ["commit"] = Environment.GetEnvironmentVariable("SM_BENCH_COMMIT") ?? "unknown",
        };
        try
        {
            await using var connection = await system.OpenDatabaseAsync("reviewdb");
            machine["postgresql"] = (await new NpgsqlCommand("SHOW server_version", connection).ExecuteScalarAsync())?.ToString();
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
        {
            machine["postgresql"] = "unknown";
        }
        var results = new JsonObject
        {
            ["machine"] = machine,
            ["sizes"] = new JsonObject
            {
                ["applicants"] = Applicants, ["submissions"] = Submissions, ["replay_events"] = ReplayEvents,
                ["idle_seconds"] = IdleSeconds, ["read_seconds"] = ReadSeconds,
            },
            ["at"] = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture),
        };
        foreach (var (key, value) in figures) results[key] = value?.DeepClone();
        if (Environment.GetEnvironmentVariable("SM_BENCH_RESULTS") is { Length: > 0 } path)
            await File.WriteAllTextAsync(path, results.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
    }

    static double MemoryMb() =>
        File.ReadLines("/proc/meminfo").Where(l => l.StartsWith("MemTotal:", StringComparison.Ordinal))
            .Select(l => long.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0).FirstOrDefault();

    static string CpuModel() =>
        File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown";

    void Figure(string key, double value) => figures[key] = double.IsFinite(value) ? Math.Round(value, 3) : -1;

    void Line(string text = "") => report.AppendLine(text);

    async Task<T> Timed<T>(string name, Func<Task<T>> request)
    {
        var started = Stopwatch.GetTimestamp();
        var result = await request();
        latencies.GetOrAdd(name, _ => []).Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return result;
    }

    static async Task<List<TResult>> AtOnceAsync<T, TResult>(IEnumerable<T> items, int concurrency, Func<T, Task<TResult>> work)
    {
        using var gate = new SemaphoreSlim(concurrency);
        return (await Task.WhenAll(items.Select(async item =>
        {
            await gate.WaitAsync();
            try
            {
                return await work(item);
            }
            finally
            {
                gate.Release();
            }
        }))).ToList();
    }

    static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? double.NaN : sorted[Math.Max(0, (int)Math.Ceiling(p * sorted.Length) - 1)];

    static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), out var value) && value > 0 ? value : fallback;
}
