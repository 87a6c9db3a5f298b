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

    /// <summary>User plus system CPU time of all the process's threads so far.</summary>
    public TimeSpan CpuTime
    {
        get
        {
            // The command name (field 2) is in parentheses and may hold spaces: count fields after its closing one.
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            return TimeSpan.FromSeconds(ticks / TicksPerSecond);
        }
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
