using Scim.Grains.Documents;
using Scim.Grains.Interfaces.Groups;
using Scim.Grains.Interfaces.Platform;
using Scim.Grains.Interfaces.Resources;

namespace Scim.Grains.Storage;

/// <summary>
/// Where users, groups, memberships and the group tree live (DESIGN §4). Each write is one transaction. Uniqueness of
/// userName (and group displayName) per tenant, case-insensitively, is enforced here: a violation throws a 409 uniqueness
/// <see cref="Interfaces.Errors.ScimException"/>. A version mismatch (another writer) throws a 409 as well. Member ids
/// and group ids are ordered byte-wise (ordinal) wherever pages continue after one.
/// </summary>
public interface IResourceStore
{
    Task<StoredResource?> GetAsync(string tenant, ResourceKind kind, string id, CancellationToken cancellationToken);

    /// <summary>
    /// Inserts a new resource, with its initial SCIM members for a group (a group under the root). A group id among the
    /// members is a 400 invalidValue (<see cref="StoreErrors.GroupAsMember"/>).
    /// </summary>
    Task InsertAsync(StoredResource resource, MembershipChange members, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces a resource whose stored version is <paramref name="expectedVersion"/>, and applies a SCIM membership
    /// change. A user's role stays as stored.
    /// </summary>
    Task UpdateAsync(StoredResource resource, long expectedVersion, MembershipChange members, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes a resource and every membership it takes part in (as a group or as a member, of either source); a
    /// deleted group's children move to its parent.
    /// </summary>
    Task DeleteAsync(string tenant, ResourceKind kind, string id, long expectedVersion, CancellationToken cancellationToken);

    /// <summary>Resources of a type matching the query's filter, in its sort order (else creation order), one page of them.</summary>
    Task<ResourcePage> QueryAsync(string tenant, StoreQuery query, CancellationToken cancellationToken);

    /// <summary>Completes when the store can serve (readiness); a 503 ScimException when it cannot.</summary>
    Task PingAsync(CancellationToken cancellationToken);

    /// <summary>Sets a user's platform role (its SCIM version does not change); false when no such user exists.</summary>
    Task<bool> SetRoleAsync(string tenant, string userId, PlatformRole role, CancellationToken cancellationToken);

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

    /// <summary>
    /// Moves a group under another (null: the root), atomically with the check that keeps the tree a tree: 404 for an
    /// unknown group or parent, 409 when the parent is the group or one of its descendants.
    /// </summary>
    Task MoveGroupAsync(string tenant, string groupId, string? parentId, CancellationToken cancellationToken);

    /// <summary>A group's children (null: the root's) after a group id, at most <paramref name="count"/>; null for an unknown group.</summary>
    Task<IReadOnlyList<GroupNode>?> GetChildrenAsync(string tenant, string? parentId, string? after, int count, CancellationToken cancellationToken);

    /// <summary>The groups from just under the root down to the group itself; null for an unknown group.</summary>
    Task<IReadOnlyList<GroupNode>?> GetPathAsync(string tenant, string groupId, CancellationToken cancellationToken);
}
