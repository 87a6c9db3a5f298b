namespace Scim.Grains.Interfaces.Tenants;

/// <summary>
/// The list of every tenant, for the operator's console (key 0). Each tenant adds itself when it is created, and again
/// at each activation, so tenants created before the catalog existed join it at their first use.
/// </summary>
[Alias("scim.ITenantCatalogGrain")]
public interface ITenantCatalogGrain : IGrainWithIntegerKey
{
    /// <summary>Adds the tenant, or its new details; idempotent.</summary>
    Task AddAsync(TenantInfo tenant);

    /// <summary>Every tenant, newest first.</summary>
    Task<IReadOnlyList<TenantInfo>> ListAsync();
}
