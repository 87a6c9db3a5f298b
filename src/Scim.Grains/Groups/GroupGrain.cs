using System.Text.Json.Nodes;
using Scim.Grains.Interfaces.Resources;
using Scim.Grains.Resources;
using Scim.Grains.Schemas;
using Scim.Grains.Storage;

namespace Scim.Grains.Groups;

/// <summary>
/// A SCIM Group, keyed <c>{tenant}/{id}</c>. Its SCIM-managed members are rows beside the group row; a POST or
/// PUT sets them all, a PATCH changes only those it names. Grain calls are not reentrant, so concurrent member
/// changes to one group run one after the other and none is lost.
/// </summary>
internal sealed class GroupGrain(IResourceStore store, TenantSchemas schemas, TimeProvider clock) : ResourceGrain(store, schemas, clock), IGroupGrain
{
    protected override ResourceKind Kind => ResourceKind.Group;

    protected override MembershipChange MembersOf(JsonObject body)
    {
        var members = body.FirstOrDefault(p => p.Key.Equals(GroupSchema.Members.Name, StringComparison.OrdinalIgnoreCase)).Value;
        return new MembershipChange(true, MemberValues.Parse(members), []);
    }

    protected override async Task<IReadOnlyList<GroupMember>?> MembersToRenderAsync(Projection projection) =>
        projection.Includes(GroupSchema.Members) ? await Store.GetMembersAsync(Tenant, Id, CancellationToken.None) : null;
}
