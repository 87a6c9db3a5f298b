using Scim.Grains.Interfaces.Resources;

namespace Scim.Grains.Storage;

/// <summary>
/// Where users, groups and memberships live (DESIGN §4). Each write is one transaction. Uniqueness of userName
/// (and group displayName) per tenant, case-insensitively, is enforced here: a violation throws a 409 uniqueness
/// <see cref="Interfaces.Errors.ScimException"/>. A version mismatch (another writer) throws a 409 as well.
/// </summary>
public interface IResourceStore
{
    Task<StoredResource?> GetAsync(string tenant, ResourceKind kind, string id, CancellationToken cancellationToken);

    /// <summary>Inserts a new resource, with its initial members for a group.</summary>
    Task InsertAsync(StoredResource resource, MembershipChange members, CancellationToken cancellationToken);

    /// <summary>Replaces a resource whose stored version is <paramref name="expectedVersion"/>, and applies a membership change.</summary>
    Task UpdateAsync(StoredResource resource, long expectedVersion, MembershipChange members, CancellationToken cancellationToken);

    /// <summary>Deletes a resource and every membership it takes part in (as a group or as a member).</summary>
    Task DeleteAsync(string tenant, ResourceKind kind, string id, long expectedVersion, CancellationToken cancellationToken);

    /// <summary>Resources of a type matching the query's filter, in its sort order (else creation order), one page of them.</summary>
    Task<ResourcePage> QueryAsync(string tenant, StoreQuery query, CancellationToken cancellationToken);

    /// <summary>Completes when the store can serve (readiness); a 503 ScimException when it cannot.</summary>
    Task PingAsync(CancellationToken cancellationToken);

    /// <summary>The SCIM-managed members of a group, ordered by member id.</summary>
    Task<IReadOnlyList<GroupMember>> GetMembersAsync(string tenant, string groupId, CancellationToken cancellationToken);
}
