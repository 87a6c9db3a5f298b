using System.Globalization;

namespace Scim.Benchmark;

/// <summary>
/// The resident memory of the service process, read from /proc (Linux), for a peak over a measurement: the kernel's
/// high-water mark (VmHWM) is reset before and read after.
/// </summary>
public sealed class ServiceMemory(int pid)
{
    public static ServiceMemory? For(int? pid) => pid is { } id && File.Exists($"/proc/{id}/status") ? new ServiceMemory(id) : null;

    public long ResidentBytes => Read("VmRSS:");

    public long PeakBytes => Read("VmHWM:");

    /// <summary>Resets the high-water mark to the current resident size ("5" in clear_refs, Linux 4.0+).</summary>
    public void ResetPeak() => File.WriteAllText($"/proc/{pid}/clear_refs", "5");

    private long Read(string field)
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith(field, StringComparison.Ordinal));
        var kilobytes = line[field.Length..].Trim().Split(' ')[0];
        return long.Parse(kilobytes, CultureInfo.InvariantCulture) * 1024;
    }
}
