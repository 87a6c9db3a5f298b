namespace Scim.Grains.Storage;

/// <summary>
/// A tenant's group tree in memory: each group's parent (null: the root, the tenant's platform group) and each parent's
/// children ordered by id. Not thread-safe: the store holds the tenant's lock, which makes a move's cycle check and the
/// move one step.
/// </summary>
internal sealed class InMemoryTree
{
    private const string RootKey = "";
    private readonly Dictionary<string, string?> parents = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SortedSet<string>> children = new(StringComparer.Ordinal);

    public bool Contains(string groupId) => parents.ContainsKey(groupId);

    public void Add(string groupId) => Attach(groupId, null);

    /// <summary>Moves a group; the caller has checked that the parent exists and is not in the group's subtree.</summary>
    public void Move(string groupId, string? parentId)
    {
        Detach(groupId);
        Attach(groupId, parentId);
    }

    /// <summary>Removes a group; its children move to its parent.</summary>
    public void Remove(string groupId)
    {
        var parent = parents[groupId];
        foreach (var child in ChildrenOf(groupId, null).ToList()) Move(child, parent);
        Detach(groupId);
        parents.Remove(groupId);
        children.Remove(groupId);
    }

    /// <summary>The ancestors of a group, nearest first, without the root.</summary>
    public IEnumerable<string> AncestorsOf(string groupId)
    {
        var steps = 0;
        for (var parent = parents.GetValueOrDefault(groupId); parent is not null; parent = parents.GetValueOrDefault(parent))
        {
            // Moves keep the tree acyclic; a walk longer than the tree is large would be a defect, not a loop to spin in.
            if (++steps > parents.Count) throw new InvalidOperationException($"The group tree has a cycle through '{groupId}'.");
            yield return parent;
        }
    }

    /// <summary>A group and all its descendants.</summary>
    public IEnumerable<string> SubtreeOf(string groupId)
    {
        var pending = new Stack<string>([groupId]);
        while (pending.TryPop(out var next))
        {
            yield return next;
            foreach (var child in children.GetValueOrDefault(next) ?? []) pending.Push(child);
        }
    }

    /// <summary>The children of a group (null: of the root) after a group id, in order.</summary>
    public IEnumerable<string> ChildrenOf(string? parentId, string? after)
    {
        return children.TryGetValue(parentId ?? RootKey, out var set) ? OrderedIds.After(set, after) : [];
    }

    private void Attach(string groupId, string? parentId)
    {
        parents[groupId] = parentId;
        var key = parentId ?? RootKey;
        if (!children.TryGetValue(key, out var set)) children[key] = set = OrderedIds.Create();
        set.Add(groupId);
    }

    private void Detach(string groupId)
    {
        var key = parents[groupId] ?? RootKey;
        if (children.TryGetValue(key, out var set) && set.Remove(groupId) && set.Count == 0) children.Remove(key);
    }
}
