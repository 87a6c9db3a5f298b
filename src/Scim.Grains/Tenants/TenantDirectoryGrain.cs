using Microsoft.Extensions.DependencyInjection;
using Orleans.Concurrency;
using Orleans.Storage;
using Scim.Grains.Interfaces.References;
using Scim.Grains.Interfaces.Tenants;
using Scim.Grains.Storage;

namespace Scim.Grains.Tenants;

/// <summary>
/// Reads a tenant's token set from grain storage directly (the state its grain would load), so a tenant that does not
/// exist is answered without an activation. Tenants are never deleted, so the ones found are remembered.
/// </summary>
[StatelessWorker, Reentrant]
internal sealed class TenantDirectoryGrain([FromKeyedServices(ScimStorage.Name)] IGrainStorage storage) : Grain, ITenantDirectoryGrain
{
    private readonly HashSet<string> known = new(StringComparer.Ordinal);

    public async Task<bool> ExistsAsync(string tenant)
    {
        if (known.Contains(tenant)) return true;
        var tokens = new GrainState<TokenSetState>();
        await storage.ReadStateAsync(TokenSetGrain.StateName, GrainFactory.Grain<ITokenSetGrain>(tenant).GetGrainId(), tokens);
        if (!tokens.RecordExists || tokens.State is not { TenantExists: true }) return false;
        known.Add(tenant);
        return true;
    }
}
