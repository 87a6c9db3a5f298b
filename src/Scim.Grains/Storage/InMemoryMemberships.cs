using Scim.Grains.Interfaces.Groups;

namespace Scim.Grains.Storage;

/// <summary>
/// A tenant's memberships in memory: per group and source the ordered members, and per member the groups it is in from
/// either source (the member-side index the PostgreSQL table has). Not thread-safe: the store holds the tenant's lock.
/// </summary>
internal sealed class InMemoryMemberships
{
    private static readonly MembershipSource[] Sources = Enum.GetValues<MembershipSource>();
    private readonly Dictionary<(string Group, MembershipSource Source), MemberSet> members = [];
    private readonly Dictionary<string, HashSet<string>> groupsOf = new(StringComparer.Ordinal);

    public MemberSet? Of(string groupId, MembershipSource source) => members.GetValueOrDefault((groupId, source));

    public IReadOnlyCollection<string> GroupsOf(string memberId) => groupsOf.GetValueOrDefault(memberId) ?? [];

    public void Add(string groupId, MembershipSource source, GroupMember member)
    {
        if (!members.TryGetValue((groupId, source), out var set)) members[(groupId, source)] = set = new MemberSet();
        set.Add(member);
        if (!groupsOf.TryGetValue(member.MemberId, out var groups)) groupsOf[member.MemberId] = groups = new(StringComparer.Ordinal);
        groups.Add(groupId);
    }

    public bool Remove(string groupId, MembershipSource source, string memberId)
    {
        if (!members.TryGetValue((groupId, source), out var set) || !set.Remove(memberId)) return false;
        if (set.Count == 0) members.Remove((groupId, source));
        if (!Sources.Any(other => Of(groupId, other)?.Contains(memberId) == true) && groupsOf.TryGetValue(memberId, out var groups))
        {
            groups.Remove(groupId);
            if (groups.Count == 0) groupsOf.Remove(memberId);
        }
        return true;
    }

    public void Clear(string groupId, MembershipSource source)
    {
        foreach (var memberId in Of(groupId, source)?.Ids.ToList() ?? []) Remove(groupId, source, memberId);
    }

    /// <summary>Removes every membership of a group, of either source.</summary>
    public void RemoveGroup(string groupId)
    {
        foreach (var source in Sources) Clear(groupId, source);
    }

    /// <summary>Removes every membership of a member, of either source.</summary>
    public void RemoveMember(string memberId)
    {
        foreach (var groupId in GroupsOf(memberId).ToList())
        {
            foreach (var source in Sources) Remove(groupId, source, memberId);
        }
    }

    /// <summary>
    /// The members of every source after a member id, in order, with their sources: both sources are ordered by id and
    /// merged lazily, so a page costs O(page) whatever the group's size.
    /// </summary>
    public IEnumerable<(string MemberId, IReadOnlyList<MembershipSource> Sources)> AllAfter(string groupId, string? after)
    {
        using var scim = (Of(groupId, MembershipSource.Scim)?.IdsAfter(after) ?? []).GetEnumerator();
        using var manual = (Of(groupId, MembershipSource.Manual)?.IdsAfter(after) ?? []).GetEnumerator();
        var (hasScim, hasManual) = (scim.MoveNext(), manual.MoveNext());
        while (hasScim || hasManual)
        {
            var order = !hasManual ? -1 : !hasScim ? 1 : StringComparer.Ordinal.Compare(scim.Current, manual.Current);
            if (order <= 0) yield return (scim.Current, order == 0 ? Sources : [MembershipSource.Scim]);
            else yield return (manual.Current, [MembershipSource.Manual]);
            if (order <= 0) hasScim = scim.MoveNext();
            if (order >= 0) hasManual = manual.MoveNext();
        }
    }
}
