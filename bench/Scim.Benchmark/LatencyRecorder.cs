using System.Diagnostics;
using System.Globalization;

namespace Scim.Benchmark;

/// <summary>Collects the latency of every acknowledged request of one measurement, from any number of workers.</summary>
public sealed class LatencyRecorder
{
    private readonly List<double> milliseconds = [];
    private readonly Stopwatch wall = Stopwatch.StartNew();
    // The time of the slices a combined recorder holds, which ran apart from one another.
    private TimeSpan? measured;
    private int errors;

    public void Record(TimeSpan latency)
    {
        lock (milliseconds) milliseconds.Add(latency.TotalMilliseconds);
    }

    public void Error() => Interlocked.Increment(ref errors);

    /// <summary>The measurement is over: its time stops.</summary>
    public void Stop() => wall.Stop();

    /// <summary>One recorder holding every request of <paramref name="slices"/>, over their time and the service's CPU in them.</summary>
    public static LatencyRecorder Combine(IReadOnlyList<LatencyRecorder> slices)
    {
        var combined = new LatencyRecorder { measured = TimeSpan.Zero, ServiceCpu = TimeSpan.Zero, SliceRates = slices.Select(s => s.PerSecond).ToList() };
        foreach (var slice in slices)
        {
            lock (slice.milliseconds) combined.milliseconds.AddRange(slice.milliseconds);
            combined.errors += slice.errors;
            combined.measured += slice.Elapsed;
            combined.ServiceCpu += slice.ServiceCpu;
        }
        return combined;
    }

    private TimeSpan Elapsed => measured ?? wall.Elapsed;

    /// <summary>The requests per second of each slice a combined recorder holds, in the order they ran.</summary>
    public IReadOnlyList<double> SliceRates { get; private init; } = [];

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

    /// <summary>Acknowledged requests per second over the measurement.</summary>
    public double PerSecond
    {
        get
        {
            lock (milliseconds) return milliseconds.Count / Elapsed.TotalSeconds;
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
