using Scim.Grains.Interfaces.Errors;

namespace Scim.Grains.Rules;

/// <summary>
/// Over SCIM a group's members are users: nesting is arranged in the platform's group tree, never by the identity
/// provider. A member value typed "Group" is refused where values are read (<c>Normalizing/MemberValues.cs</c>); a
/// member id that names a group is refused by the store as the members are written: in memory under the tenant's lock,
/// on PostgreSQL by the statement that locks the members (<c>PostgresResourceStore.LockMembersSql</c>, migration 0018),
/// which runs in the same transaction. Either way the answer is <see cref="Refused"/>.
/// </summary>
/// <remarks>Tests: <c>GroupEndpointsTests.Post_GroupAsMember_Returns400InvalidValue</c>,
/// <c>GroupEndpointsTests.AGroupIdAsMember_WithoutAType_Returns400InvalidValue_InEveryWrite</c> (both stores).</remarks>
public static class GroupMembersAreUsers
{
    /// <summary>400 invalidValue: the member named (by its id, or by its type when the id is not known) is a group.</summary>
    public static ScimException Refused(string? groupId = null) =>
        ScimException.InvalidValue(
            (groupId is null ? "A member is typed 'Group'." : $"'{groupId}' is a group.")
            + " Groups cannot be members of groups over SCIM: nesting is managed in the platform.");
}
