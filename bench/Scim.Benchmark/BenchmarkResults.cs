using System.Globalization;

namespace Scim.Benchmark;

/// <summary>
/// The figures of one run, appended as they are measured to a tab-separated file (mode, key, value) that the report
/// reads, so that a run cut short still reports what it measured. Keys name the operation and its size or concurrency,
/// e.g. <c>lookup/100000</c>, <c>create/16</c>.
/// </summary>
public sealed class BenchmarkResults(string mode, string? path)
{
    // Two services measured side by side record into one file.
    private static readonly Lock Writing = new();

    public void Record(string key, double value)
    {
        if (path is null) return;
        lock (Writing) File.AppendAllText(path, string.Create(CultureInfo.InvariantCulture, $"{mode}\t{key}\t{value:F1}\n"));
    }

    /// <summary>
    /// The figures of a run; one measured in several rounds is its best round: the most requests per second, the least
    /// CPU per request or memory per user. On a shared machine a busy neighbour only ever slows a round down, so the best round is the one
    /// nearest what the service does undisturbed, and a mean would carry whichever round a neighbour fell on.
    /// </summary>
    public static Dictionary<(string Mode, string Key), double> Read(string path) =>
        File.ReadLines(path)
            .Select(line => line.Split('\t'))
            .Where(fields => fields.Length == 3)
            .GroupBy(fields => (Mode: fields[0], Key: fields[1]))
            .ToDictionary(g => g.Key, g =>
            {
                var values = g.Select(fields => double.Parse(fields[2], CultureInfo.InvariantCulture)).ToList();
                return LowerIsBetter(g.Key.Key) ? values.Min() : values.Max();
            });

    private static bool LowerIsBetter(string key) =>
        key.StartsWith(Scenarios.CpuKey, StringComparison.Ordinal) || key.StartsWith(Scenarios.MemoryPerUserKey, StringComparison.Ordinal);
}
