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

/// <summary>The benchmark's watchers, its gateway, read and replay measures, and how it writes its results.</summary>
public partial class DeadlineSurgeBenchmark
{
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
