using Scim.Grains.Interfaces.Groups;

namespace Scim.Grains.Storage;

/// <summary>
/// One group's members of one source in memory, ordered by id (ordinal) so that a page after an id costs
/// O(log n + page) whatever the group's size.
/// </summary>
internal sealed class MemberSet
{
    private readonly SortedSet<string> ids = OrderedIds.Create();
    private readonly Dictionary<string, string?> displays = new(StringComparer.Ordinal);

    public int Count => ids.Count;

    public bool Contains(string id) => displays.ContainsKey(id);

    public void Add(GroupMember member)
    {
        ids.Add(member.MemberId);
        displays[member.MemberId] = member.Display;
    }

    public bool Remove(string id) => displays.Remove(id) && ids.Remove(id);

    public IEnumerable<string> Ids => ids;

    public IEnumerable<GroupMember> All => ids.Select(id => new GroupMember(id, displays[id]));

    /// <summary>The members whose id sorts after <paramref name="after"/> (all when null), in order.</summary>
    public IEnumerable<string> IdsAfter(string? after) => OrderedIds.After(ids, after);

    public GroupMember Get(string id) => new(id, displays[id]);
}
