using System.Diagnostics;
using System.Globalization;

namespace Scim.Benchmark;

/// <summary>Collects the latency of every acknowledged request of one measurement, from any number of workers.</summary>
public sealed class LatencyRecorder
{
    private readonly List<double> milliseconds = [];
    private readonly Stopwatch wall = Stopwatch.StartNew();
    private int errors;

    public void Record(TimeSpan latency)
    {
        lock (milliseconds) milliseconds.Add(latency.TotalMilliseconds);
    }

    public void Error() => Interlocked.Increment(ref errors);

    /// <summary>The service's CPU time over the measurement, when its process could be read.</summary>
    public TimeSpan? ServiceCpu { get; set; }

    /// <summary>The service's CPU time per acknowledged request, in microseconds.</summary>
    public double? CpuMicrosecondsPerRequest
    {
        get
        {
            lock (milliseconds) return ServiceCpu is { } cpu && milliseconds.Count > 0 ? cpu.TotalMicroseconds / milliseconds.Count : null;
        }
    }

    /// <summary>Acknowledged requests per second since the recorder was made.</summary>
    public double PerSecond
    {
        get
        {
            lock (milliseconds) return milliseconds.Count / wall.Elapsed.TotalSeconds;
        }
    }

    public string Summary(string name)
    {
        var perSecond = PerSecond;
        double[] sorted;
        lock (milliseconds) sorted = [.. milliseconds.Order()];
        string Percentile(double p) => sorted.Length == 0 ? "-" : sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))].ToString("F2", CultureInfo.InvariantCulture);
        var cpu = CpuMicrosecondsPerRequest is { } micros ? string.Create(CultureInfo.InvariantCulture, $"   cpu {micros,5:F0} µs/req") : "";
        return string.Create(CultureInfo.InvariantCulture,
            $"{name,-44} {perSecond,9:F0} req/s   p50 {Percentile(0.50),7} ms   p99 {Percentile(0.99),7} ms   n={sorted.Length} errors={errors}{cpu}");
    }
}
