namespace Scim.Grains.Interfaces.Tenants;

/// <summary>A tenant (customer platform), keyed by its id.</summary>
[Alias("scim.ITenantGrain")]
public interface ITenantGrain : IGrainWithStringKey
{
    /// <summary>Creates the tenant; 409 when it already exists.</summary>
    Task<TenantInfo> CreateAsync(string displayName);

    /// <summary>The tenant, or null when it does not exist.</summary>
    Task<TenantInfo?> GetAsync();

    /// <summary>Replaces the tenant's custom user fields (validated; 400 invalidValue otherwise); 404 for an unknown tenant.</summary>
    Task<IReadOnlyList<CustomField>> SetCustomFieldsAsync(IReadOnlyList<CustomField> fields);

    /// <summary>The tenant's custom user fields (none for an unknown tenant). Read on every SCIM call, so never queued behind a write.</summary>
    [Orleans.Concurrency.AlwaysInterleave]
    Task<IReadOnlyList<CustomField>> GetCustomFieldsAsync();
}
