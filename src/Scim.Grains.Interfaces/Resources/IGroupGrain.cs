using Scim.Grains.Interfaces.Groups;

namespace Scim.Grains.Interfaces.Resources;

/// <summary>
/// A SCIM Group (RFC 7643 §4.2), keyed <c>{tenant}/{id}</c>. Membership changes of one group, of either source, and
/// its moves in the hierarchy are serialized by its activation.
/// </summary>
[Alias("scim.IGroupGrain")]
public interface IGroupGrain : IGrainWithStringKey, IResourceGrain
{
    /// <summary>Creates the group from a POST body (RFC 7644 §3.3); 409 uniqueness on a duplicate displayName.</summary>
    Task<ResourceSnapshot> CreateAsync(string json, RenderOptions render);

    /// <summary>The next chunk of SCIM-managed members after a member id, rendered (empty once the group is gone).</summary>
    Task<MemberChunk> RenderMembersAsync(string after, RenderOptions render);

    /// <summary>Adds a user as a manual member (404 for an unknown user, 400 invalidValue for a group); idempotent.</summary>
    Task AddManualMemberAsync(string userId);

    /// <summary>Removes a manual membership (the SCIM one, if any, stays); 404 when the user is not a manual member.</summary>
    Task RemoveManualMemberAsync(string userId);

    /// <summary>A page of the members of every source, by member id, after <paramref name="after"/>.</summary>
    Task<MemberListing> ListMembersAsync(string? after, int count);

    /// <summary>
    /// Moves the group under another group, or under the tenant's platform group when <paramref name="parentId"/> is null:
    /// 404 for an unknown parent, 409 when the parent is the group itself or one of its descendants.
    /// </summary>
    Task MoveAsync(string? parentId);
}
