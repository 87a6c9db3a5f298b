using Scim.Grains.Interfaces.References;
using Scim.Grains.Interfaces.Resources;
using Scim.Grains.Interfaces.Tenants;

namespace Scim.Grains.Schemas;

/// <summary>
/// The resource types of each tenant (User with its custom fields), kept per silo so that a SCIM call does not ask the
/// tenant grain every time. The tenant grain drops its tenant's entry on its own silo when the fields change; other
/// silos see the change within <see cref="Lifetime"/>.
/// </summary>
public sealed class TenantSchemas(IGrainFactory grains, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(2);

    private readonly TimedValues<ResourceSchema> users = new(Lifetime, clock);

    public async ValueTask<ResourceSchema> ForAsync(string tenant, ResourceKind kind) =>
        kind == ResourceKind.Group
            ? ResourceSchema.Group
            : await users.GetAsync(tenant, async key => CustomSchemas.User(key, await grains.Grain<ITenantGrain>(key).GetCustomFieldsAsync()));

    public void Forget(string tenant) => users.Forget(tenant);
}
