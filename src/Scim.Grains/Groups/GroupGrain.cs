using System.Text.Json.Nodes;
using Scim.Grains.Queries;
using Scim.Grains.Interfaces.Errors;
using Scim.Grains.Interfaces.Groups;
using Scim.Grains.Interfaces.Resources;
using Scim.Grains.Resources;
using Scim.Grains.Schemas;
using Scim.Grains.Storage;

namespace Scim.Grains.Groups;

/// <summary>
/// A SCIM Group, keyed <c>{tenant}/{id}</c>. Its members are rows beside the group row, each with its source: SCIM
/// writes (a POST or PUT sets them all, a PATCH changes those it names) touch the SCIM-managed ones only, the admin API
/// the manual ones. Its place in the tenant's tree changes only by <see cref="MoveAsync"/>. Grain calls are not
/// reentrant, so changes to one group run one after the other and none is lost; the store keeps the tree a tree
/// across groups (its check and the move are one transaction).
/// </summary>
// An IdP touches a resource once per cycle: an activation kept for Orleans' default 15 idle minutes holds memory that
// no one reuses, while activating again costs one store read.
[CollectionAgeLimit(Minutes = 2)]
internal sealed class GroupGrain(IResourceStore store, TenantSchemas schemas, TimeProvider clock) : ResourceGrain(store, schemas, clock), IGroupGrain
{
    protected override ResourceKind Kind => ResourceKind.Group;

    protected override MembershipChange MembersOf(JsonObject body)
    {
        var members = body.FirstOrDefault(p => p.Key.Equals(GroupSchema.Members.Name, StringComparison.OrdinalIgnoreCase)).Value;
        return new MembershipChange(true, MemberValues.Parse(members), []);
    }

    public async Task<MemberChunk> RenderMembersAsync(string after, RenderOptions render)
    {
        // A group deleted meanwhile has no member rows left: the chunk is empty, so a response being written just ends.
        await LoadSchemaAsync();
        return await ResourceRendering.RenderMembersAsync(Store, Tenant, Id, after, Schema, render);
    }

    public async Task AddManualMemberAsync(string userId)
    {
        await RequireExistingAsync();
        if (!await Store.AddManualMemberAsync(Tenant, Id, userId, CancellationToken.None)) throw ScimException.NotFound($"User '{userId}' not found.");
    }

    public async Task RemoveManualMemberAsync(string userId)
    {
        await RequireExistingAsync();
        if (!await Store.RemoveManualMemberAsync(Tenant, Id, userId, CancellationToken.None))
            throw ScimException.NotFound($"User '{userId}' is not a manual member of group '{Id}'.");
    }

    public async Task<MemberListing> ListMembersAsync(string? after, int count)
    {
        await RequireExistingAsync();
        var (members, last) = KeysetPages.Cut(await Store.ListMembersAsync(Tenant, Id, after, KeysetPages.Fetch(count), CancellationToken.None), count);
        return new MemberListing(members, last?.UserId);
    }

    public async Task MoveAsync(string? parentId)
    {
        await RequireExistingAsync();
        await Store.MoveGroupAsync(Tenant, Id, parentId, CancellationToken.None);
    }
}
