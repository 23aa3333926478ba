using System.Globalization;

namespace ServiceManufacturing.Tests.EndToEnd.Benchmarks;

/// <summary>One process of the running system, as /proc shows it: which part it belongs to, its CPU ticks and peak memory.</summary>
public sealed record SystemProcess(int Pid, string Part, long Ticks, long ChildTicks, double PeakResidentMb);

/// <summary>
/// The processes of the system this test process started (its descendants: DCP, the services, the gateway, PostgreSQL
/// with its backends, RabbitMQ's Erlang VM), each named by the part of the system it is, read from /proc.
/// </summary>
public static class SystemProcesses
{
    /// <summary>Clock ticks per second of /proc/[pid]/stat (USER_HZ, 100 on Linux).</summary>
    const double TicksPerSecond = 100;

    public static readonly string[] Services = ["registration", "review", "evaluation", "identity", "gateway"];
    public static readonly string[] Servers = ["postgres", "rabbitmq"];

    public static IReadOnlyList<SystemProcess> Now()
    {
        var all = new Dictionary<int, (int Parent, long Ticks, long ChildTicks)>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid)) continue;
            try
            {
                var stat = File.ReadAllText(Path.Combine(directory, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                all[pid] = (int.Parse(fields[1], CultureInfo.InvariantCulture),
                    long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture),
                    long.Parse(fields[13], CultureInfo.InvariantCulture) + long.Parse(fields[14], CultureInfo.InvariantCulture));
            }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
        // DCP, which runs every resource, leaves this process's tree (it watches this process: --monitor <pid>).
        var ours = new HashSet<int> { Environment.ProcessId };
        foreach (var pid in all.Keys)
            if (CommandLine(pid) is { } line && line.Contains($"--monitor {Environment.ProcessId} ", StringComparison.Ordinal)) ours.Add(pid);
        for (var grew = true; grew;)
        {
            grew = false;
            foreach (var (pid, p) in all)
                if (!ours.Contains(pid) && ours.Contains(p.Parent)) grew = ours.Add(pid) || grew;
        }
        ours.Remove(Environment.ProcessId);
        var result = new List<SystemProcess>();
        foreach (var pid in ours)
        {
            try
            {
                var commandLine = CommandLine(pid) ?? "";
                result.Add(new(pid, PartOf(commandLine), all[pid].Ticks, all[pid].ChildTicks, PeakResidentMb(pid)));
            }
            catch (IOException) { }
        }
        return result;
    }

    static string? CommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ');
        }
        catch (IOException)
        {
            return null;
        }
    }

    static string PartOf(string commandLine) => commandLine switch
    {
        _ when commandLine.Contains("Services.Registration", StringComparison.Ordinal) => "registration",
        _ when commandLine.Contains("Services.Review", StringComparison.Ordinal) => "review",
        _ when commandLine.Contains("Services.Evaluation", StringComparison.Ordinal) => "evaluation",
        _ when commandLine.Contains("Services.Identity", StringComparison.Ordinal) => "identity",
        _ when commandLine.Contains("Gateway", StringComparison.Ordinal) => "gateway",
        _ when commandLine.Contains("Aspire.Dashboard", StringComparison.Ordinal) => "dashboard",
        _ when commandLine.Contains("postgres", StringComparison.Ordinal) => "postgres",
        _ when commandLine.Contains("beam", StringComparison.Ordinal) || commandLine.Contains("rabbitmq", StringComparison.Ordinal)
            || commandLine.Contains("erl_child_setup", StringComparison.Ordinal) || commandLine.Contains("epmd", StringComparison.Ordinal)
            || commandLine.Contains("inet_gethost", StringComparison.Ordinal) => "rabbitmq",
        _ when commandLine.Contains("dcp", StringComparison.Ordinal) => "dcp",
        _ => "other",
    };

    static double PeakResidentMb(int pid)
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                return long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024.0;
        return 0;
    }

    /// <summary>
    /// CPU used by each part between two readings, in percent of one core: the ticks of processes alive at both ends,
    /// of those started between them, and of children reaped in between (PostgreSQL's backends that came and went).
    /// </summary>
    public static Dictionary<string, double> CpuPercent(IReadOnlyList<SystemProcess> before, IReadOnlyList<SystemProcess> after, TimeSpan between)
    {
        var earlier = before.ToDictionary(p => p.Pid);
        var used = new Dictionary<string, double>();
        foreach (var p in after)
        {
            var start = earlier.GetValueOrDefault(p.Pid);
            var ticks = p.Ticks + p.ChildTicks - (start is null ? 0 : start.Ticks + start.ChildTicks);
            used[p.Part] = used.GetValueOrDefault(p.Part) + ticks / TicksPerSecond / between.TotalSeconds * 100;
        }
        return used;
    }
}
