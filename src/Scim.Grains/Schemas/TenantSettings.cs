using Scim.Grains.Interfaces.Errors;
using Scim.Grains.Interfaces.Platform;
using Scim.Grains.Interfaces.References;
using Scim.Grains.Interfaces.Tenants;

namespace Scim.Grains.Schemas;

/// <summary>
/// The SCIM settings of each tenant as a create reads them (whether to e-mail a temporary password), kept per silo
/// for <see cref="Lifetime"/>: a changed setting applies to creates on every silo within that time.
/// </summary>
public sealed class TenantSettings(IGrainFactory grains, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(2);

    private readonly TimedValues<ScimSettings> settings = new(Lifetime, clock);

    public ValueTask<ScimSettings> ForAsync(string tenant) => settings.GetAsync(tenant, async key =>
    {
        try
        {
            return (await grains.Grain<ITenantGrain>(key).GetConnectorAsync()).Settings;
        }
        catch (ScimException e) when (e.Status == 404)
        {
            return NoTenant; // resources of a tenant that has no tenant record (stores used on their own) send nothing
        }
    });

    private static readonly ScimSettings NoTenant = new(null, false);
}
