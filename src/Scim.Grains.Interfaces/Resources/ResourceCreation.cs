using Scim.Grains.Interfaces.References;

namespace Scim.Grains.Interfaces.Resources;

/// <summary>Where a POST of a new resource goes: a user to its tenant's creation worker, a group to its own grain.</summary>
public static class ResourceCreation
{
    public static Task<ResourceSnapshot> CreateResourceAsync(this IGrainFactory grains, ResourceKind kind, string tenant, string id, string json,
        RenderOptions render) =>
        kind == ResourceKind.User
            ? grains.Grain<IUserCreationGrain>(tenant).CreateAsync(id, json, render)
            : grains.Grain<IGroupGrain>(ResourceKeys.Of(tenant, id)).CreateAsync(json, render);
}
