using Scim.Grains.Interfaces.Tenants;
using Scim.Grains.Storage;

namespace Scim.Grains.Tenants;

/// <summary>
/// The operator's list of tenants, kept in one grain's state: tenants number in the thousands, are added rarely and
/// never deleted, and the list is read by the operator alone.
/// </summary>
internal sealed class TenantCatalogGrain([PersistentState("scim.tenant-catalog", ScimStorage.Name)] IPersistentState<TenantCatalogState> state)
    : Grain, ITenantCatalogGrain
{
    public async Task AddAsync(TenantInfo tenant)
    {
        if (state.State.Tenants.TryGetValue(tenant.Id, out var known) && known == tenant) return;
        state.State.Tenants[tenant.Id] = tenant;
        await state.WriteStateAsync();
    }

    public Task<IReadOnlyList<TenantInfo>> ListAsync() =>
        Task.FromResult<IReadOnlyList<TenantInfo>>(state.State.Tenants.Values.OrderByDescending(t => t.Created).ThenBy(t => t.Id, StringComparer.Ordinal).ToList());
}

/// <summary>The persistent state of the tenant catalog: every tenant by id.</summary>
[GenerateSerializer, Alias("scim.TenantCatalogState")]
public sealed class TenantCatalogState
{
    [Id(0)] public Dictionary<string, TenantInfo> Tenants { get; set; } = new(StringComparer.Ordinal);
}
