using System.Diagnostics.Metrics;

namespace Scim.Grains.Telemetry;

/// <summary>
/// A counter's running totals by two labels of few values each, kept in an array and read by an observable counter when
/// metrics are collected. A tagged <c>Counter.Add</c> costs the metrics SDK a lookup of its tag set on every call (about
/// 1% of the silo's samples during member adds); this costs an interlocked add.
/// </summary>
internal sealed class CountGrid(string firstLabel, IReadOnlyList<string> firstValues, string secondLabel, IReadOnlyList<string> secondValues)
{
    private readonly long[] totals = new long[firstValues.Count * secondValues.Count];

    /// <summary>Adds to the total of the <paramref name="first"/>-th value of the first label and the named value of the second.</summary>
    public void Add(int first, string second, long count) =>
        Interlocked.Add(ref totals[first * secondValues.Count + IndexOf(second)], count);

    /// <summary>Every total counted so far, with its labels.</summary>
    public IEnumerable<Measurement<long>> Observe()
    {
        for (var i = 0; i < totals.Length; i++)
        {
            var total = Interlocked.Read(ref totals[i]);
            if (total > 0)
            {
                yield return new Measurement<long>(total, new KeyValuePair<string, object?>(firstLabel, firstValues[i / secondValues.Count]),
                    new KeyValuePair<string, object?>(secondLabel, secondValues[i % secondValues.Count]));
            }
        }
    }

    private int IndexOf(string value)
    {
        for (var i = 0; i < secondValues.Count; i++)
            if (secondValues[i] == value) return i;
        throw new ArgumentOutOfRangeException(nameof(value), value, $"Not a value of {secondLabel}.");
    }
}
