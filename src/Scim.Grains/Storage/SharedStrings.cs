using System.Collections.Concurrent;

namespace Scim.Grains.Storage;

/// <summary>
/// One instance of each string that many stored entries repeat (methods, paths, attribute names, token ids), so that a
/// store holding them in memory keeps each once. Bounded: past <see cref="Capacity"/> distinct strings, new ones are
/// kept as they come, so strings sent by clients cannot grow it without end.
/// </summary>
internal sealed class SharedStrings
{
    private const int Capacity = 10_000;
    private readonly ConcurrentDictionary<string, string> strings = new(StringComparer.Ordinal);

    public string Share(string text) =>
        strings.TryGetValue(text, out var shared) ? shared : strings.Count < Capacity ? strings.GetOrAdd(text, text) : text;

    public string? ShareOrNull(string? text) => text is null ? null : Share(text);
}
