using Scim.Grains.Interfaces.Resources;

namespace Scim.Grains.Interfaces.Bulk;

/// <summary>Runs a tenant's bulk requests (RFC 7644 §3.7). Keyed by tenant; stateless.</summary>
[Alias("scim.IBulkGrain")]
public interface IBulkGrain : IGrainWithStringKey
{
    /// <summary>Runs the operations, resolving bulkId references in any order; returns the result of each operation run.</summary>
    Task<IReadOnlyList<BulkOperationResult>> ExecuteAsync(BulkRequest request, RenderOptions render);
}
