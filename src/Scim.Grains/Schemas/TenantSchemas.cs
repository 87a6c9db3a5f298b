using System.Collections.Concurrent;
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

    private readonly ConcurrentDictionary<string, (ResourceSchema User, DateTimeOffset Until)> users = new(StringComparer.Ordinal);

    public async ValueTask<ResourceSchema> ForAsync(string tenant, ResourceKind kind)
    {
        if (kind == ResourceKind.Group) return ResourceSchema.Group;
        var now = clock.GetUtcNow();
        if (users.TryGetValue(tenant, out var cached) && cached.Until > now) return cached.User;
        var user = CustomSchemas.User(tenant, await grains.Grain<ITenantGrain>(tenant).GetCustomFieldsAsync());
        users[tenant] = (user, now + Lifetime);
        return user;
    }

    public void Forget(string tenant) => users.TryRemove(tenant, out _);
}
