using Scim.Grains.Interfaces.Resources;

namespace Scim.Grains.Interfaces.Bulk;

/// <summary>Runs a tenant's bulk requests (RFC 7644 §3.7). Keyed by tenant; stateless.</summary>
[Alias("scim.IBulkGrain")]
public interface IBulkGrain : IGrainWithStringKey
{
    /// <summary>
    /// Runs the operations, resolving bulkId references in any order; returns the result of each operation run. Up to
    /// 1,000 operations take longer than the cluster's response timeout, which is tuned for single calls; each
    /// operation's own grain call keeps that timeout.
    /// </summary>
    [ResponseTimeout("00:02:00")]
    Task<IReadOnlyList<BulkOperationResult>> ExecuteAsync(BulkRequest request, RenderOptions render);
}
