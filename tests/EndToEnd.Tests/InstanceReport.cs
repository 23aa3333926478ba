using System.Text;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace ServiceManufacturing.Tests.EndToEnd;

public partial class WholeSystem
{
    /// <summary>
    /// What an instance that did not become healthy in time shows, for the failure message: its state and health
    /// reports as Aspire sees them, the last lines it logged, and the sessions of its database (what each waits on), so
    /// that a drill that fails once on a CI machine says why.
    /// </summary>
    public async Task<string> InstanceReportAsync(string name, string id)
    {
        var report = new StringBuilder();
        if (App.ResourceNotifications.TryGetCurrentState(id, out var current))
        {
            var snapshot = current.Snapshot;
            report.AppendLine($"{id}: {snapshot.State?.Text ?? "unknown"}, health {snapshot.HealthStatus?.ToString() ?? "none"}, " +
                $"exit code {snapshot.ExitCode?.ToString() ?? "none"}, pid {ProcessIdOf(snapshot)?.ToString() ?? "none"}");
            foreach (var health in snapshot.HealthReports)
                report.AppendLine($"  health check {health.Name}: {health.Status} {health.Description} {health.ExceptionText}");
        }
        report.AppendLine($"--- {id}, last lines logged ---");
        var lines = new List<string>();
        using (var enough = new CancellationTokenSource(TimeSpan.FromSeconds(5)))
        {
            try
            {
                await foreach (var batch in App.Services.GetRequiredService<ResourceLoggerService>().GetAllAsync(id).WithCancellation(enough.Token))
                    lines.AddRange(batch.Select(l => l.Content));
            }
            catch (OperationCanceledException) { }
        }
        foreach (var line in lines.TakeLast(60)) report.AppendLine(line);
        if (name is "gateway") return report.ToString();
        report.AppendLine($"--- {name}db, its sessions ---");
        try
        {
            await using var connection = await OpenDatabaseAsync($"{name}db");
            await using var sessions = new NpgsqlCommand("""
                select a.pid, a.usename, a.state, coalesce(a.wait_event_type || ':' || a.wait_event, ''),
                    coalesce(extract(epoch from now() - a.xact_start)::int, -1), pg_catalog.pg_blocking_pids(a.pid)::text, left(a.query, 160)
                from pg_catalog.pg_stat_activity a where a.datname = current_database() and a.pid <> pg_catalog.pg_backend_pid()
                order by a.backend_start
                """, connection);
            await using var reader = await sessions.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                report.AppendLine($"  pid {reader.GetInt32(0)} {reader.GetString(1)} {reader.GetString(2)} wait {reader.GetString(3)} " +
                    $"transaction {reader.GetInt32(4)} s blocked by {reader.GetString(5)}: {reader.GetString(6).ReplaceLineEndings(" ")}");
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
        {
            report.AppendLine($"  (not readable: {e.Message})");
        }
        return report.ToString();
    }
}
