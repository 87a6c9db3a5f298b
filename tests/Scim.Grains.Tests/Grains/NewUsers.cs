using Scim.Grains.Interfaces.Resources;

namespace Scim.Grains.Tests.Grains;

/// <summary>Users created the way an IdP's POST creates them: through the tenant's creation worker, under a new id.</summary>
internal static class NewUsers
{
    public static async Task<(IUserGrain User, ResourceSnapshot Created)> CreateAsync(IGrainFactory grains, string tenant, string json, RenderOptions render,
        string? id = null)
    {
        id ??= Guid.NewGuid().ToString();
        var created = await grains.CreateResourceAsync(ResourceKind.User, tenant, id, json, render);
        return (grains.GetGrain<IUserGrain>(ResourceKeys.Of(tenant, id)), created);
    }
}
