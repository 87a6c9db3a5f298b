namespace Scim.Grains.Interfaces.Platform;

/// <summary>A tenant's provisioning log, keyed by tenant id: appended in batches off the request path, read by platform admins.</summary>
[Alias("scim.IProvisioningLogGrain")]
public interface IProvisioningLogGrain : IGrainWithStringKey
{
    /// <summary>Stores entries (their sequence is assigned here), and drops the tenant's entries older than the retention.</summary>
    Task AppendAsync(IReadOnlyList<ProvisioningLogEntry> entries);

    Task<LogPage> ReadAsync(LogQuery query);
}
