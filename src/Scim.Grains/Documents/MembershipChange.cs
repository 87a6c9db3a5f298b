using Scim.Grains.Interfaces.Groups;

namespace Scim.Grains.Documents;

/// <summary>
/// A change to a group's SCIM-managed members, written with the group row in one transaction. When
/// <see cref="ReplaceAll"/> is set, every current SCIM-managed member is removed before <see cref="Added"/> are inserted;
/// otherwise the change costs O(added + removed) whatever the group's size. Manual members are never part of it.
/// </summary>
public sealed record MembershipChange(bool ReplaceAll, IReadOnlyList<GroupMember> Added, IReadOnlyList<string> Removed)
{
    public static readonly MembershipChange None = new(false, [], []);

    public bool IsEmpty => !ReplaceAll && Added.Count == 0 && Removed.Count == 0;
}
