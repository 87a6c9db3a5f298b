using Scim.Grains.Documents;
using Scim.Grains.Interfaces.Platform;
using Scim.Grains.Interfaces.Resources;
using Scim.Grains.Rules;

namespace Scim.Grains.Storage;

/// <summary>
/// Where users and groups live as rows (DESIGN §4), with a group's SCIM members written in the same transaction as its
/// row; memberships are read through <see cref="IMembershipStore"/> and the tree through <see cref="IGroupTreeStore"/>,
/// all three served by one store per backend. Each write is one transaction. Uniqueness of
/// userName (and group displayName) per tenant, case-insensitively, is enforced here: a violation throws a 409 uniqueness
/// <see cref="Interfaces.Errors.ScimException"/>. A version mismatch (another writer) throws a 409 as well. Member ids
/// and group ids are ordered byte-wise (ordinal) wherever pages continue after one.
/// </summary>
public interface IResourceStore
{
    Task<StoredResource?> GetAsync(string tenant, ResourceKind kind, string id, CancellationToken cancellationToken);

    /// <summary>
    /// A user and its groups as <see cref="IMembershipStore.GetGroupsOfUsersAsync"/> gives them, read together: where
    /// reading groups costs a round trip, the two share one. No user: null and no groups.
    /// </summary>
    Task<(StoredResource? User, IReadOnlyList<UserGroup> Groups)> GetUserWithGroupsAsync(string tenant, string id, CancellationToken cancellationToken);

    /// <summary>
    /// The tenant's users with these userNames, compared as a <c>userName eq</c> lookup compares them, each under the
    /// name it was asked for; a name no user has is left out. One round trip for all where each lookup costs one.
    /// </summary>
    Task<IReadOnlyDictionary<string, StoredResource>> FindUsersAsync(string tenant, IReadOnlyCollection<string> userNames, CancellationToken cancellationToken);

    /// <summary>
    /// Inserts a new resource, with its initial SCIM members for a group (a group under the root), and the e-mail the
    /// creation owes its user, if any (<see cref="IOutboxStore"/>), all or nothing. A group id among the members is a 400
    /// invalidValue (<see cref="GroupMembersAreUsers"/>).
    /// </summary>
    Task InsertAsync(StoredResource resource, MembershipChange members, OutboxMessage? mail, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces a resource whose stored version is <paramref name="expectedVersion"/>, and applies a SCIM membership
    /// change. A user's role stays as stored.
    /// </summary>
    Task UpdateAsync(StoredResource resource, long expectedVersion, MembershipChange members, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces a user as <see cref="UpdateAsync"/> does (no membership change), then reads its groups as
    /// <see cref="IMembershipStore.GetGroupsOfUsersAsync"/> gives them: where reading groups costs a round trip, the
    /// write and the read share one.
    /// </summary>
    Task<IReadOnlyList<UserGroup>> UpdateUserWithGroupsAsync(StoredResource user, long expectedVersion, CancellationToken cancellationToken);

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
}
