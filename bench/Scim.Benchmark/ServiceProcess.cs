using System.Globalization;

namespace Scim.Benchmark;

/// <summary>
/// The service process as Linux's /proc shows it: its resident memory, the peak of it over a measurement (the kernel's
/// high-water mark, VmHWM, is reset before and read after), and the CPU time it has used. CPU time per request is a
/// figure this shared machine's noise disturbs far less than requests per second: a neighbour that takes a core slows
/// the service down but does not make its work cost more.
/// </summary>
public sealed class ServiceProcess(int pid)
{
    /// <summary>The kernel's clock ticks per second in /proc/PID/stat (USER_HZ, 100 on every mainstream Linux).</summary>
    private const double TicksPerSecond = 100;

    public static ServiceProcess? For(int? pid) => pid is { } id && File.Exists($"/proc/{id}/status") ? new ServiceProcess(id) : null;

    public long ResidentBytes => Read("VmRSS:");

    public long PeakBytes => Read("VmHWM:");

    /// <summary>The name Linux gives the runtime's tiered-compilation thread (thread names are cut to 15 characters).</summary>
    private const string TieringThread = ".NET Tiered Com";

    /// <summary>User plus system CPU time of all the process's threads so far.</summary>
    public TimeSpan CpuTime => CpuTimeIn($"/proc/{pid}/stat");

    /// <summary>
    /// The CPU time so far of each of the runtime's tiered-compilation threads, by thread id: the runtime compiles hot code
    /// again, optimized, on such a thread for a while after the code first runs, and a thread that has been idle for a few
    /// seconds ends, so the time of one round is the growth of the threads seen before plus the time of those started since.
    /// </summary>
    public Dictionary<int, TimeSpan> TieringThreads()
    {
        var threads = new Dictionary<int, TimeSpan>();
        foreach (var task in Directory.EnumerateDirectories($"/proc/{pid}/task"))
        {
            try
            {
                if (File.ReadAllText(Path.Combine(task, "comm")).TrimEnd('\n') != TieringThread) continue;
                threads[int.Parse(Path.GetFileName(task), CultureInfo.InvariantCulture)] = CpuTimeIn(Path.Combine(task, "stat"));
            }
            catch (IOException)
            {
                // The thread ended while it was read.
            }
        }
        return threads;
    }

    /// <summary>The CPU time the tiered-compilation threads used since <paramref name="before"/> was read.</summary>
    public TimeSpan TieringSince(Dictionary<int, TimeSpan> before) =>
        TieringThreads().Aggregate(TimeSpan.Zero, (sum, thread) => sum + thread.Value - before.GetValueOrDefault(thread.Key));

    private static TimeSpan CpuTimeIn(string statPath)
    {
        // The command name (field 2) is in parentheses and may hold spaces: count fields after its closing one.
        var stat = File.ReadAllText(statPath);
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }

    /// <summary>Resets the high-water mark to the current resident size ("5" in clear_refs, Linux 4.0+).</summary>
    public void ResetPeak() => File.WriteAllText($"/proc/{pid}/clear_refs", "5");

    private long Read(string field)
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith(field, StringComparison.Ordinal));
        var kilobytes = line[field.Length..].Trim().Split(' ')[0];
        return long.Parse(kilobytes, CultureInfo.InvariantCulture) * 1024;
    }
}
