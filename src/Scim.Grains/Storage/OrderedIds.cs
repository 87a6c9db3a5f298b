namespace Scim.Grains.Storage;

/// <summary>Keyset pages over an ordinal-ordered id set: the ids after one, in O(log n) to the first.</summary>
internal static class OrderedIds
{
    public static SortedSet<string> Create() => new(StringComparer.Ordinal);

    /// <summary>The ids that sort after <paramref name="after"/> (all when null), in order.</summary>
    public static IEnumerable<string> After(SortedSet<string> ids, string? after)
    {
        if (after is null) return ids;
        if (ids.Count == 0 || StringComparer.Ordinal.Compare(after, ids.Max) >= 0) return [];
        return ids.GetViewBetween(after, ids.Max!).SkipWhile(id => id == after);
    }
}
