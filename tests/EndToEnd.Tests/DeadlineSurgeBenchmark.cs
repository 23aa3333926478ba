using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
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
/// The day of the deadline, measured through the gateway: many applicants sign in and submit at once, the relay carries
/// every submission to Review, and the officer pages through the worklist. It prints figures and asserts only that
/// everything arrived; it never fails on time. Not part of the test command: <c>eng/bench.sh</c> runs it
/// (SM_BENCH_APPLICANTS, SM_BENCH_CONCURRENCY, SM_BENCH_READ_SECONDS).
/// </summary>
[Trait("Category", "Benchmark")]
public class DeadlineSurgeBenchmark(SurgeSystem system, ITestOutputHelper output) : IClassFixture<SurgeSystem>
{
    static readonly int Applicants = Setting("SM_BENCH_APPLICANTS", 200);
    static readonly int Concurrency = Setting("SM_BENCH_CONCURRENCY", 32);
    static readonly int ReadSeconds = Setting("SM_BENCH_READ_SECONDS", 10);

    readonly ConcurrentDictionary<string, ConcurrentBag<double>> latencies = new();

    [BenchmarkFact]
    public async Task TheDeadlineSurge()
    {
        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"Deadline surge through the gateway: {Applicants} applicants, {Concurrency} at a time, {Environment.ProcessorCount} cores");

        // Everyone signs in at once (authorization code + PKCE through the sign-in page), after registering.
        var clock = Stopwatch.StartNew();
        var applicants = await AtOnceAsync(Enumerable.Range(1, Applicants), async i =>
        {
            var creditCode = Screening.CreditCodeIn("440300");
            var registered = await Timed("register account", () => Api.PostAsync(system.Gateway, "/api/v1/accounts/applicants",
                new { userName = $"surge.{i}", password = "Surge-Password-1", displayName = $"深圳某某制造有限公司{i:000}", creditCode }));
            Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
            var tokens = await Timed("sign-in (code + PKCE)", () => SignIn.AsAsync(system.GatewayAddress, $"surge.{i}", "Surge-Password-1"));
            var client = SignIn.Bearer(system.GatewayAddress, tokens);
            await Timed("binding verified", async () =>
            {
                await Screening.BindAsync(system, client, creditCode, $"深圳某某制造有限公司{i:000}");
                return true;
            });
            return (Client: client, CreditCode: creditCode, Name: $"深圳某某制造有限公司{i:000}");
        });
        report.AppendLine(CultureInfo.InvariantCulture, $"registration and sign-in of all: {clock.Elapsed.TotalSeconds:0.0} s");

        // Each creates its draft, saves its form and submits it, all at once.
        clock.Restart();
        await AtOnceAsync(applicants, async a =>
        {
            var created = await Timed("create draft", () => a.Client.PostAsJsonAsync("/api/v1/applications",
                new { category = "enterprise", organisationName = a.Name, creditCode = a.CreditCode, authorityCode = "440300" }));
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
            Assert.Equal(HttpStatusCode.OK, (await Timed("save form", () => a.Client.PutAsJsonAsync($"/api/v1/applications/{id}/form", Api.EnterpriseForm))).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await Timed("submit", () => Api.SubmitAsync(a.Client,
                new HttpRequestMessage(HttpMethod.Post, $"/api/v1/applications/{id}/submission")))).StatusCode);
            return id;
        });
        var submitting = clock.Elapsed;

        // The relay carries every submission to Review: when does the officer see them all?
        using var officer = await system.ClientAsync("officer.shenzhen");
        while (await TotalAsync(officer) < Applicants) await Task.Delay(50);
        var visible = clock.Elapsed;
        report.AppendLine(CultureInfo.InvariantCulture,
            $"submissions: {Applicants} in {submitting.TotalSeconds:0.0} s = {Applicants / submitting.TotalSeconds:0.0} per second (3 requests each)");
        report.AppendLine(CultureInfo.InvariantCulture,
            $"relay to Review: every case on the worklist {(visible - submitting).TotalMilliseconds:0} ms after the last submission returned");

        // The officer's worklist, paged 50 at a time, read as fast as the gateway serves it.
        var pages = Math.Max(1, Applicants / 50);
        var reads = 0;
        using var reading = new CancellationTokenSource(TimeSpan.FromSeconds(ReadSeconds));
        await Task.WhenAll(Enumerable.Range(0, Concurrency).Select(async worker =>
        {
            for (var page = worker % pages + 1; !reading.IsCancellationRequested; page = page % pages + 1)
            {
                var response = await Timed("worklist page of 50", () => officer.GetAsync($"/api/v1/review-cases?page={page}&pageSize=50"));
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Interlocked.Increment(ref reads);
            }
        }));
        report.AppendLine(CultureInfo.InvariantCulture, $"worklist: {reads} pages in {ReadSeconds} s = {reads / (double)ReadSeconds:0.0} per second");

        report.AppendLine();
        report.AppendLine($"{"request",-24}{"count",8}{"p50 ms",10}{"p95 ms",10}{"p99 ms",10}{"max ms",10}");
        foreach (var (name, values) in latencies.OrderBy(l => l.Key))
        {
            var sorted = values.Order().ToArray();
            report.AppendLine(CultureInfo.InvariantCulture,
                $"{name,-24}{sorted.Length,8}{Percentile(sorted, 0.50),10:0}{Percentile(sorted, 0.95),10:0}{Percentile(sorted, 0.99),10:0}{sorted[^1],10:0}");
        }
        output.WriteLine(report.ToString());
    }

    async Task<T> Timed<T>(string name, Func<Task<T>> request)
    {
        var started = Stopwatch.GetTimestamp();
        var result = await request();
        latencies.GetOrAdd(name, _ => []).Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return result;
    }

    static async Task<List<TResult>> AtOnceAsync<T, TResult>(IEnumerable<T> items, Func<T, Task<TResult>> work)
    {
        using var gate = new SemaphoreSlim(Concurrency);
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

    static async Task<int> TotalAsync(HttpClient officer) =>
        (await officer.GetFromJsonAsync<JsonElement>("/api/v1/review-cases?pageSize=1")).GetProperty("totalCount").GetInt32();

    static double Percentile(double[] sorted, double p) => sorted[Math.Max(0, (int)Math.Ceiling(p * sorted.Length) - 1)];

    static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), out var value) && value > 0 ? value : fallback;
}
