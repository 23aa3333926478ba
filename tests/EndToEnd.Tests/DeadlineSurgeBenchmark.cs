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
public partial class DeadlineSurgeBenchmark(SurgeSystem system, ITestOutputHelper output) : IClassFixture<SurgeSystem>
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
}
