using System.Collections.Concurrent;

namespace Scim.Grains.Schemas;

/// <summary>Values loaded per key and kept on this silo for a while, so hot calls do not ask their source every time.</summary>
public sealed class TimedValues<T>(TimeSpan lifetime, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, (T Value, DateTimeOffset Until)> values = new(StringComparer.Ordinal);

    public async ValueTask<T> GetAsync(string key, Func<string, Task<T>> load)
    {
        var now = clock.GetUtcNow();
        if (values.TryGetValue(key, out var kept) && kept.Until > now) return kept.Value;
        var value = await load(key);
        values[key] = (value, now + lifetime);
        return value;
    }

    public void Forget(string key) => values.TryRemove(key, out _);
}
