using System.Collections.Concurrent;
using Scim.Api.Http;
using Scim.Grains.Interfaces.Tenants;

namespace Scim.Api.Auth;

/// <summary>
/// The tenants this process has seen to exist, so the check costs a grain call only for a tenant not seen yet. Only
/// existing tenants are remembered, so made-up ids in URLs cannot grow it.
/// </summary>
public sealed class KnownTenants(IGrainFactory grains)
{
    private readonly ConcurrentDictionary<string, bool> known = new(StringComparer.Ordinal);

    public async Task<bool> ExistsAsync(string tenant)
    {
        if (!TenantIds.IsValid(tenant)) return false;
        if (known.ContainsKey(tenant)) return true;
        if (!await grains.GetGrain<ITenantDirectoryGrain>(0).ExistsAsync(tenant)) return false;
        known.TryAdd(tenant, true);
        return true;
    }
}
