using System.Text.Json.Nodes;
using Scim.Grains.Interfaces.Resources;
using Scim.Grains.Resources;
using Scim.Grains.Schemas;
using Scim.Grains.Storage;

namespace Scim.Grains.Users;

/// <summary>A SCIM User, keyed <c>{tenant}/{id}</c>.</summary>
internal sealed class UserGrain(IResourceStore store, TimeProvider clock) : ResourceGrain(store, clock), IUserGrain
{
    protected override ResourceSchema Schema => ResourceSchema.User;

    protected override MembershipChange MembersOf(JsonObject body) => MembershipChange.None;

    protected override Task<IReadOnlyList<GroupMember>?> MembersToRenderAsync(Projection projection) =>
        Task.FromResult<IReadOnlyList<GroupMember>?>(null);
}
