namespace Scim.Grains.Interfaces.Tenants;

/// <summary>A tenant (customer platform), keyed by its id.</summary>
[Alias("scim.ITenantGrain")]
public interface ITenantGrain : IGrainWithStringKey
{
    /// <summary>Creates the tenant; 409 when it already exists.</summary>
    Task<TenantInfo> CreateAsync(string displayName);

    /// <summary>The tenant, or null when it does not exist.</summary>
    Task<TenantInfo?> GetAsync();
}
