using Scim.Grains.Documents;
using Scim.Grains.Interfaces.Groups;

namespace Scim.Grains.Storage;

/// <summary>
/// Group memberships as rows, each with its source (SCIM writes them with the group's row, see
/// <see cref="IResourceStore"/>; admins add and remove manual ones here), and the groups of users as User.groups shows
/// them. Member ids are ordered byte-wise wherever pages continue after one.
/// </summary>
public interface IMembershipStore
{
    /// <summary>
    /// Whether a user's groups are read in this process, without a round trip: then reading them costs less than
    /// holding them under the tenant's groups epoch (<see cref="Resources.GroupsEpochs"/>), so nothing is held and no
    /// group change is announced.
    /// </summary>
    bool ReadsGroupsInProcess { get; }

    /// <summary>The SCIM-managed members of a group after a member id (all when null), at most <paramref name="count"/>.</summary>
    Task<IReadOnlyList<GroupMember>> GetMembersAsync(string tenant, string groupId, string? after, int count, CancellationToken cancellationToken);

    /// <summary>Adds a manual membership; false when no such user exists. A group id is a 400 invalidValue.</summary>
    Task<bool> AddManualMemberAsync(string tenant, string groupId, string userId, CancellationToken cancellationToken);

    /// <summary>Removes a manual membership; false when there was none.</summary>
    Task<bool> RemoveManualMemberAsync(string tenant, string groupId, string userId, CancellationToken cancellationToken);

    /// <summary>The members of every source after a member id, at most <paramref name="count"/>.</summary>
    Task<IReadOnlyList<MemberEntry>> ListMembersAsync(string tenant, string groupId, string? after, int count, CancellationToken cancellationToken);

    /// <summary>The groups (direct and indirect) of each of the users, ordered by group id; users in none are left out.</summary>
    Task<IReadOnlyDictionary<string, IReadOnlyList<UserGroup>>> GetGroupsOfUsersAsync(string tenant, IReadOnlyCollection<string> userIds,
        CancellationToken cancellationToken);
}
