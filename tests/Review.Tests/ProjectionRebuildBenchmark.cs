using System.Diagnostics;
using System.Net;
using System.Text;
using Npgsql;
using ServiceManufacturing.ServiceDefaults.Audit;
using ServiceManufacturing.Contracts;
using ServiceManufacturing.Tests.EndToEnd.Benchmarks;
using ServiceManufacturing.Tests.TestSupport;
using Xunit.Abstractions;

namespace ServiceManufacturing.Tests.Review;

/// <summary>A benchmark, in process: it runs only when SM_REPLAY_EVENTS is set, never in the test command.</summary>
public sealed class ReplayBenchmarkFactAttribute : FactAttribute
{
    public ReplayBenchmarkFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("SM_REPLAY_EVENTS") is not { Length: > 0 }) Skip = "A benchmark: set SM_REPLAY_EVENTS.";
    }
}

/// <summary>
/// The bench's replay part without the whole system: SM_REPLAY_EVENTS review cases seeded the way the bench seeds them
/// (<see cref="ReplaySeed"/>), read raw, then ReviewCaseDetails rebuilt through the operator's endpoint; what PostgreSQL
/// did meanwhile (its wait events sampled, and its statements when pg_stat_statements is loaded) is printed beside.
/// </summary>
[Trait("Category", "Benchmark")]
public class ProjectionRebuildBenchmark(ReviewApp app, ITestOutputHelper output) : IClassFixture<ReviewApp>
{
    [ReplayBenchmarkFact]
    public async Task ReviewCaseDetailsRebuiltBesideARawRead()
    {
        var count = int.Parse(Environment.GetEnvironmentVariable("SM_REPLAY_EVENTS")!, System.Globalization.CultureInfo.InvariantCulture);
        await using var broker = await BrokerProbe<ApplicationSubmitted>.StartAsync(app);
        await app.SubmittedAsync(broker, await app.CampaignAsync(broker), "河北某某重建有限公司");
        var (postgres, _) = await TestServers.GetAsync();
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(postgres)
        {
            Database = "review", SearchPath = app.Schema, CommandTimeout = 1800,
        }.ConnectionString);
        await connection.OpenAsync();

        var clock = Stopwatch.StartNew();
        await ReplaySeed.SeedAsync(connection, "review_case_opened", count);
        output.WriteLine($"seeded {count} review cases in {clock.Elapsed.TotalSeconds:0.0} s");
        var statements = await TryAsync(connection, "DROP EXTENSION IF EXISTS pg_stat_statements; CREATE EXTENSION pg_stat_statements SCHEMA public; SELECT public.pg_stat_statements_reset()");

        var events = await ReplaySeed.CountAsync(connection, "SELECT count(*) FROM mt_events");
        var (read, readRate) = await ReplaySeed.RawReadAsync(connection);
        using var sampling = new CancellationTokenSource();
        var waits = SampleWaitsAsync(postgres, sampling.Token);
        var postmaster = await PostmasterAsync(connection);
        var (serverCpu, ownCpu) = (ServerCpuSeconds(postmaster), Process.GetCurrentProcess().TotalProcessorTime);
        // For a profiler: this process's id, written where SM_REPLAY_MARKER says, as the rebuild starts.
        if (Environment.GetEnvironmentVariable("SM_REPLAY_MARKER") is { Length: > 0 } marker)
            await File.WriteAllTextAsync(marker, Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        clock.Restart();
        using var ministry = app.ClientFor(TestUsers.Ministry);
        ministry.Timeout = TimeSpan.FromMinutes(30);
        var rebuilt = await AuditProbe.RebuildAsync(ministry, "review", "ReviewCaseDetails", TimeSpan.FromMinutes(30));
        var seconds = clock.Elapsed.TotalSeconds;
        (serverCpu, ownCpu) = (ServerCpuSeconds(postmaster) - serverCpu, Process.GetCurrentProcess().TotalProcessorTime - ownCpu);
        await sampling.CancelAsync();
        var samples = await waits;
        Assert.True(rebuilt.State == ProjectionRebuildStatus.Succeeded, rebuilt.Error);
        var cases = await ReplaySeed.CountAsync(connection, "SELECT count(*) FROM mt_doc_reviewcasedetails");

        var report = new StringBuilder();
        report.AppendLine($"raw read: {read} events = {readRate:0} per second");
        report.AppendLine($"rebuild: {events} events in {seconds:0.0} s = {events / seconds:0} per second ({cases} cases); ratio {events / seconds / readRate:0.000}");
        report.AppendLine($"CPU during the rebuild: the service (this process) {ownCpu.TotalSeconds:0.0} s, PostgreSQL {serverCpu:0.0} s (of {seconds:0.0} s)");
        report.AppendLine($"PostgreSQL backends of the review database, sampled every 50 ms during the rebuild ({samples.Total} samples):");
        foreach (var (wait, n) in samples.Waits.OrderByDescending(w => w.Value)) report.AppendLine($"  {wait}: {n}");
        if (statements)
        {
            report.AppendLine("statements (pg_stat_statements, by total time):");
            await using var top = new NpgsqlCommand("""
                SELECT calls, round(total_exec_time + total_plan_time)::bigint, rows, left(regexp_replace(query, '\s+', ' ', 'g'), 160)
                FROM public.pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid WHERE d.datname = 'review'
                ORDER BY total_exec_time DESC LIMIT 15
                """, connection);
            await using var reader = await top.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                report.AppendLine($"  {reader.GetInt64(0),8} calls {reader.GetInt64(1),8} ms {reader.GetInt64(2),9} rows  {reader.GetString(3)}");
        }
        output.WriteLine(report.ToString());
        Assert.True(cases >= count, $"{cases} cases rebuilt from {count} seeded");
    }

    /// <summary>The PostgreSQL server's main process: the parent of this connection's backend (the server runs on this machine).</summary>
    static async Task<int> PostmasterAsync(NpgsqlConnection connection)
    {
        var backend = (int)await ReplaySeed.CountAsync(connection, "SELECT pg_backend_pid()");
        return int.Parse(Stat(backend)[1], System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The fields of /proc/pid/stat after the command's name (state first).</summary>
    static string[] Stat(int pid)
    {
        var text = File.ReadAllText($"/proc/{pid}/stat");
        return text[(text.LastIndexOf(')') + 2)..].Split(' ');
    }

    /// <summary>CPU seconds used by the server: its main process, its children (backends) and the children it reaped.</summary>
    static double ServerCpuSeconds(int postmaster)
    {
        double Ticks(string[] f, bool reaped) => double.Parse(f[11]) + double.Parse(f[12]) + (reaped ? double.Parse(f[13]) + double.Parse(f[14]) : 0);
        var total = Ticks(Stat(postmaster), reaped: true);
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
            if (int.TryParse(Path.GetFileName(dir), out var pid) && pid != postmaster)
                try
                {
                    var f = Stat(pid);
                    if (f[1] == postmaster.ToString(System.Globalization.CultureInfo.InvariantCulture)) total += Ticks(f, reaped: false);
                }
                catch (IOException) { }
        return total / 100.0;
    }

    static async Task<bool> TryAsync(NpgsqlConnection connection, string sql)
    {
        try
        {
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync();
            return true;
        }
        catch (PostgresException)
        {
            return false;
        }
    }

    static async Task<(int Total, Dictionary<string, int> Waits)> SampleWaitsAsync(string postgres, CancellationToken ct)
    {
        var waits = new Dictionary<string, int>();
        var total = 0;
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(postgres) { Database = "review" }.ConnectionString);
        await connection.OpenAsync(CancellationToken.None);
        while (!ct.IsCancellationRequested)
        {
            total++;
            await using (var sample = new NpgsqlCommand("""
                SELECT state || coalesce(' / ' || wait_event_type || ':' || wait_event, ' / on CPU') FROM pg_stat_activity
                WHERE datname = 'review' AND pid <> pg_backend_pid() AND backend_type = 'client backend'
                """, connection))
            await using (var reader = await sample.ExecuteReaderAsync(CancellationToken.None))
                while (await reader.ReadAsync(CancellationToken.None))
                {
                    var key = reader.IsDBNull(0) ? "?" : reader.GetString(0);
                    waits[key] = waits.GetValueOrDefault(key) + 1;
                }
            try { await Task.Delay(50, ct); } catch (OperationCanceledException) { }
        }
        return (total, waits);
    }
}
