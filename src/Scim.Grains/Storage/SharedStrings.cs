using System.Collections.Concurrent;

namespace Scim.Grains.Storage;

/// <summary>
/// One instance of each string that many stored entries repeat (methods, paths, attribute names, token ids), so that a
/// store holding them in memory keeps each once. Bounded: past <see cref="Capacity"/> distinct strings, new ones are
/// kept as they come, so strings sent by clients cannot grow it without end.
/// </summary>
internal sealed class SharedStrings
{
    public const int Capacity = 10_000;
    private readonly ConcurrentDictionary<string, string> strings = new(StringComparer.Ordinal);
    // Counted here: the dictionary's own count takes every one of its locks, and once it is full (a log's lookups fill
    // it with their one-off paths) every new string asked for it, under load from every request thread at once.
    private int count;

    public string Share(string text)
    {
        if (strings.TryGetValue(text, out var shared)) return shared;
        // A place is taken before the string goes in, so that threads adding at once cannot pass the bound together.
        if (Volatile.Read(ref count) >= Capacity || Interlocked.Increment(ref count) > Capacity) return text;
        if (strings.TryAdd(text, text)) return text;
        Interlocked.Decrement(ref count);
        return strings.TryGetValue(text, out shared) ? shared : text;
    }

    public string? ShareOrNull(string? text) => text is null ? null : Share(text);
}
