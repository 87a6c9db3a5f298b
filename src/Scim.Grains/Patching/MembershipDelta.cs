using System.Text.Json.Nodes;
using Scim.Grains.Documents;
using Scim.Grains.Filtering;
using Scim.Grains.Interfaces.Errors;
using Scim.Grains.Interfaces.Groups;
using Scim.Grains.Normalizing;
using Scim.Grains.Schemas;

namespace Scim.Grains.Patching;

/// <summary>
/// Collects the member operations of one PATCH in order, so that the store applies them in one O(k) change without
/// loading the group's members: replace clears and sets, add and remove cancel each other out per member.
/// </summary>
public sealed class MembershipDelta
{
    private readonly Dictionary<string, GroupMember> added = new(StringComparer.Ordinal);
    private readonly HashSet<string> removed = new(StringComparer.Ordinal);
    private bool replaceAll;

    /// <summary>Applies one operation whose path is <c>members</c> (possibly with a value filter).</summary>
    public void Apply(PatchOpKind kind, FilterNode? filter, AttributeDefinition? subAttribute, JsonNode? value)
    {
        if (subAttribute is not null) throw ScimException.InvalidPath("Member sub-attributes cannot be patched: add or remove the member instead.");
        switch (kind)
        {
            case PatchOpKind.Add when filter is null: Add(MemberValues.Parse(value)); break;
            case PatchOpKind.Replace when filter is null: ReplaceAll(MemberValues.Parse(value)); break;
            case PatchOpKind.Remove when filter is not null: Remove(IdsOf(filter)); break;
            case PatchOpKind.Remove when value is not null: Remove(MemberValues.Parse(value).Select(m => m.MemberId)); break; // E5
            case PatchOpKind.Remove: ReplaceAll([]); break;
            default: throw ScimException.InvalidPath("A value filter on members is supported only to remove members.");
        }
    }

    public void ReplaceAll(IEnumerable<GroupMember> members)
    {
        replaceAll = true;
        added.Clear();
        removed.Clear();
        Add(members);
    }

    /// <summary>Adds a later PATCH's change on top of this one, as if its operations had followed in the same PATCH.</summary>
    public void Then(MembershipChange later)
    {
        if (later.ReplaceAll) ReplaceAll(later.Added);
        else Add(later.Added);
        Remove(later.Removed);
    }

    public MembershipChange ToChange() => new(replaceAll, added.Values.ToList(), removed.ToList());

    private void Add(IEnumerable<GroupMember> members)
    {
        foreach (var member in members)
        {
            added[member.MemberId] = member;
            removed.Remove(member.MemberId);
        }
    }

    private void Remove(IEnumerable<string> ids)
    {
        foreach (var id in ids)
        {
            added.Remove(id);
            if (!replaceAll) removed.Add(id);
        }
    }

    /// <summary>The member ids a removal filter names: <c>value eq "id"</c>, or several joined by or.</summary>
    private static IEnumerable<string> IdsOf(FilterNode filter) => filter switch
    {
        Or or => IdsOf(or.Left).Concat(IdsOf(or.Right)),
        Compare { Op: CompareOp.Eq, Path: { Urn: null, SubAttribute: null } path, Value: var literal }
            when path.Name.Equals("value", StringComparison.OrdinalIgnoreCase) && literal.Kind != LiteralKind.Null => [literal.Text],
        _ => throw ScimException.InvalidFilter("Members are removed by id: use members[value eq \"id\"], optionally joined with 'or'."),
    };
}
