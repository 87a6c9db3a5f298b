namespace Scim.Grains.Interfaces.Tenants;

/// <summary>
/// Whether a tenant exists, answered from storage without activating any grain of that tenant: requests naming a
/// made-up tenant are refused before they cost an activation. One stateless worker per silo.
/// </summary>
[Alias("scim.ITenantDirectoryGrain")]
public interface ITenantDirectoryGrain : IGrainWithIntegerKey
{
    Task<bool> ExistsAsync(string tenant);
}
