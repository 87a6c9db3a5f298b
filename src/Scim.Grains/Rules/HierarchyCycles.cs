using Scim.Grains.Interfaces.Errors;

namespace Scim.Grains.Rules;

/// <summary>
/// A tenant's groups form one tree: a group cannot move under itself or one of its descendants. Decided here for the
/// in-memory store, under the tenant's lock; on PostgreSQL <c>scim_move_group</c> runs the guard
/// <c>scim_hierarchy_cycles_would_close</c> (migration 0010) under the tenant's tree lock, so two racing moves that would
/// together close a loop cannot both pass. Either way the move is refused with <see cref="Refused"/>.
/// </summary>
/// <remarks>Tests: <c>GroupHierarchyTests.Move_UnderItselfOrADescendant_Is409_AndChangesNothing</c> (both stores),
/// <c>GroupConcurrencyTests.CrossingMoves_OnTwoSilos_OneOfEachPairWins_Postgres</c> (the guard under racing moves).</remarks>
public static class HierarchyCycles
{
    /// <summary>Whether moving the group under the parent closes a loop; <paramref name="ancestorsOfParent"/> excludes the root.</summary>
    public static bool WouldClose(string groupId, string parentId, IEnumerable<string> ancestorsOfParent) =>
        parentId == groupId || ancestorsOfParent.Contains(groupId);

    /// <summary>409: the move would put the group under itself.</summary>
    public static ScimException Refused(string groupId, string parentId) =>
        ScimException.Conflict($"Group '{groupId}' cannot move under '{parentId}': that is the group itself or one of its descendants.");
}
