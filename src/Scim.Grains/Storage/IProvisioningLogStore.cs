using Scim.Grains.Interfaces.Platform;

namespace Scim.Grains.Storage;

/// <summary>Where each tenant's provisioning log lives: appended in batches, read newest first, trimmed by age.</summary>
public interface IProvisioningLogStore
{
    /// <summary>Appends entries in order; the store assigns their sequence (their <see cref="ProvisioningLogEntry.Sequence"/> is ignored).</summary>
    Task AppendAsync(string tenant, IReadOnlyList<ProvisioningLogEntry> entries, CancellationToken cancellationToken);

    /// <summary>Entries matching the query, newest first, at most <see cref="LogQuery.Count"/>.</summary>
    Task<IReadOnlyList<ProvisioningLogEntry>> ReadAsync(string tenant, LogQuery query, CancellationToken cancellationToken);

    /// <summary>Deletes the tenant's entries older than <paramref name="cutoff"/>.</summary>
    Task TrimAsync(string tenant, DateTimeOffset cutoff, CancellationToken cancellationToken);
}
