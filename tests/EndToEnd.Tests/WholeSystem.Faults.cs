using System.Diagnostics;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace ServiceManufacturing.Tests.EndToEnd;

/// <summary>The faults the drills strike with (servers and processes stopped, killed, started again), as an operator or a crash would.</summary>
public partial class WholeSystem
{
    /// <summary>
    /// Shuts PostgreSQL down as an operator's fast shutdown (or a crash of the host) would: SIGINT to the postmaster; its
    /// script then ends, and the resource with it. Waits until it has.
    /// </summary>
    public async Task ShutDownPostgresAsync()
    {
        var pid = File.ReadLines(Path.Combine(dataDirectory, "postgres", "postmaster.pid")).First().Trim();
        using (var kill = Process.Start("kill", ["-INT", pid])) await kill.WaitForExitAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await App.ResourceNotifications.WaitForResourceAsync("postgres", e => e.Snapshot.ExitCode is not null, timeout.Token);
    }

    /// <summary>Kills the broker's Erlang VM (SIGKILL), as a crash would; its script then ends. Waits until it has.</summary>
    public async Task KillBrokerAsync()
    {
        using (var kill = Process.Start("pkill", ["-KILL", "-f", $"beam.smp.* -home {Path.Combine(dataDirectory, "rabbitmq")} "])) await kill.WaitForExitAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await App.ResourceNotifications.WaitForResourceAsync("rabbitmq", e => e.Snapshot.ExitCode is not null, timeout.Token);
    }

    /// <summary>Starts a stopped resource again, as the dashboard's Start does, and waits until it is healthy.</summary>
    public async Task StartResourceAsync(string name)
    {
        var result = await App.Services.GetRequiredService<ResourceCommandService>().ExecuteCommandAsync(name, KnownResourceCommands.StartCommand);
        if (!result.Success) throw new InvalidOperationException($"{name} did not start: {result.Message}");
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await App.ResourceNotifications.WaitForResourceHealthyAsync(name, timeout.Token);
    }

    /// <summary>
    /// The running instances of the service (or gateway) <paramref name="name"/>, one per replica: each instance's id and
    /// the id of its process, as Aspire reports them (the snapshot's <c>executable.pid</c>), so that a drill kills this
    /// system's process and never another system's.
    /// </summary>
    public async Task<IReadOnlyList<(string Id, int ProcessId)>> InstancesOfAsync(string name)
    {
        // Watching replays every resource's current state first; a second is plenty to have read them all.
        var latest = new Dictionary<string, CustomResourceSnapshot>();
        using var enough = new CancellationTokenSource(TimeSpan.FromSeconds(1));
        try
        {
            await foreach (var e in App.ResourceNotifications.WatchAsync(enough.Token))
                if (e.Resource.Name == name) latest[e.ResourceId] = e.Snapshot;
        }
        catch (OperationCanceledException) { }
        return [.. latest.Where(e => e.Value.State?.Text == KnownResourceStates.Running && ProcessIdOf(e.Value) is not null)
            .OrderBy(e => e.Key).Select(e => (e.Key, ProcessIdOf(e.Value)!.Value))];
    }

    /// <summary>
    /// Kills the instance <paramref name="id"/> of <paramref name="name"/> whose process is <paramref name="processId"/>
    /// (SIGKILL, as a crash or the OOM killer would: no shutdown, no connection closed politely) and waits until Aspire
    /// sees it gone, or started again by itself.
    /// </summary>
    public async Task KillAsync(string name, string id, int processId)
    {
        // Aspire runs a project as `dotnet run`, whose child is the service: the whole tree goes (SIGKILL on Unix).
        using (var process = Process.GetProcessById(processId)) process.Kill(entireProcessTree: true);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await App.ResourceNotifications.WaitForResourceAsync(name, e => e.ResourceId == id
            && (e.Snapshot.ExitCode is not null || ProcessIdOf(e.Snapshot) is not { } pid || pid != processId), timeout.Token);
    }

    /// <summary>
    /// Starts the instance <paramref name="id"/> of <paramref name="name"/> again after its process
    /// <paramref name="processId"/> was killed, as an operator would (the dashboard's Start), unless Aspire already runs a
    /// new process for it; waits until the new process runs and is healthy, within <paramref name="within"/>. A process
    /// that ends before it is healthy (a start that failed: Aspire restarts no project by itself) is started again, as the
    /// operator would after reading its log, twice at most; what it showed goes to <paramref name="log"/>. Given
    /// <paramref name="stuckAfter"/>, a process still not healthy that long after its start is taken as stuck, and killed
    /// and started again as the operator (or an orchestrator's liveness probe) would, within the same two more starts. An
    /// instance not healthy in time fails with what it shows (<see cref="InstanceReportAsync"/>).
    /// </summary>
    public async Task RestartAsync(string name, string id, int processId, TimeSpan within, Action<string>? log = null,
        TimeSpan? stuckAfter = null)
    {
        using var timeout = new CancellationTokenSource(within);
        var commands = App.Services.GetRequiredService<ResourceCommandService>();
        var gone = processId;
        for (var attempt = 1; ; attempt++)
        {
            if (!App.ResourceNotifications.TryGetCurrentState(id, out var current) || !IsRunningAnew(current.Snapshot, gone))
            {
                var result = await commands.ExecuteCommandAsync(id, KnownResourceCommands.StartCommand, timeout.Token);
                if (!result.Success) throw new InvalidOperationException($"{id} did not start: {result.Message}");
            }
            int? started = null;
            ResourceEvent outcome;
            using var stuck = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token);
            if (stuckAfter is { } patience && attempt < 3) stuck.CancelAfter(patience);
            try
            {
                outcome = await App.ResourceNotifications.WaitForResourceAsync(name, e =>
                {
                    if (e.ResourceId != id) return false;
                    if (IsRunningAnew(e.Snapshot, gone)) started ??= ProcessIdOf(e.Snapshot);
                    return IsRunningAnew(e.Snapshot, gone) && e.Snapshot.HealthStatus == Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy
                        || e.Snapshot.State?.Text == KnownResourceStates.FailedToStart
                        || started is not null && e.Snapshot.State?.Text is { } state && KnownResourceStates.TerminalStates.Contains(state);
                }, stuck.Token);
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested)
            {
                throw new TimeoutException($"{id} was not running and healthy again within {within}:{Environment.NewLine}" +
                    await InstanceReportAsync(name, id));
            }
            catch (OperationCanceledException) when (stuck.IsCancellationRequested)
            {
                log?.Invoke($"{id} was not healthy {stuckAfter} after it was started; killed and started again. What it showed:" +
                    $"{Environment.NewLine}{await InstanceReportAsync(name, id)}");
                if (started is { } stuckProcess)
                {
                    await KillAsync(name, id, stuckProcess);
                    gone = stuckProcess;
                }
                else await commands.ExecuteCommandAsync(id, KnownResourceCommands.StopCommand, timeout.Token);
                continue;
            }
            if (IsRunningAnew(outcome.Snapshot, gone)) return;
            var report = await InstanceReportAsync(name, id);
            if (attempt == 3) throw new InvalidOperationException($"{id} ended before it was healthy, three times:{Environment.NewLine}{report}");
            log?.Invoke($"{id} ended before it was healthy; started again. What it showed:{Environment.NewLine}{report}");
            gone = started ?? gone;
        }
    }

    /// <summary>
    /// The process of the replica that leads <paramref name="database"/>'s daemon: the one whose connection holds a
    /// daemon's advisory lock (HotCold), found by that connection's port among this machine's sockets. Null if none holds one.
    /// </summary>
    public async Task<int?> DaemonLeaderAsync(string database)
    {
        await using var connection = await OpenDatabaseAsync(database);
        await using var holder = new NpgsqlCommand("select a.client_port from pg_locks l join pg_stat_activity a on a.pid = l.pid " +
            "where l.locktype = 'advisory' and l.granted and l.database = (select oid from pg_database where datname = current_database()) " +
            "order by l.objid limit 1", connection);
        if (await holder.ExecuteScalarAsync() is not int port) return null;
        var start = new ProcessStartInfo("ss", ["-tnpH", $"sport = :{port}"]) { RedirectStandardOutput = true };
        using var ss = Process.Start(start)!;
        var sockets = await ss.StandardOutput.ReadToEndAsync();
        await ss.WaitForExitAsync();
        var owner = System.Text.RegularExpressions.Regex.Match(sockets, @"pid=(\d+)");
        return owner.Success ? int.Parse(owner.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : null;
    }

    /// <summary>Whether the process <paramref name="processId"/> is <paramref name="root"/> or one of its descendants.</summary>
    public static bool IsWithin(int? processId, int root)
    {
        for (var pid = processId; pid is > 1; pid = ParentOf(pid.Value))
            if (pid == root) return true;
        return false;

        // /proc/<pid>/stat: "pid (name) state ppid ..."; the name may hold spaces and parentheses.
        static int? ParentOf(int pid) => File.Exists($"/proc/{pid}/stat")
            && File.ReadAllText($"/proc/{pid}/stat") is var stat
            && int.TryParse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1], out var parent) ? parent : null;
    }

    static bool IsRunningAnew(CustomResourceSnapshot snapshot, int killed) =>
        snapshot.State?.Text == KnownResourceStates.Running && ProcessIdOf(snapshot) is { } pid && pid != killed;

    static int? ProcessIdOf(CustomResourceSnapshot snapshot) =>
        snapshot.Properties.FirstOrDefault(p => p.Name == "executable.pid")?.Value is { } pid
            ? Convert.ToInt32(pid, System.Globalization.CultureInfo.InvariantCulture)
            : null;

    /// <summary>Stops the broker's application inside its node (the node stays up), as an outage would.</summary>
    public Task StopBrokerAsync() => RabbitMqCtlAsync("stop_app");

    /// <summary>Starts the broker again and waits until it takes connections.</summary>
    public async Task StartBrokerAsync()
    {
        await RabbitMqCtlAsync("start_app");
        await RabbitMqCtlAsync("await_startup");
    }

    async Task RabbitMqCtlAsync(string command)
    {
        var start = new ProcessStartInfo("/usr/lib/rabbitmq/bin/rabbitmqctl", ["-n", rabbitNode, "-q", command])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["HOME"] = Path.Combine(dataDirectory, "rabbitmq") },
        };
        using var process = Process.Start(start)!;
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"rabbitmqctl {command} failed: {error}");
    }
}
