namespace Scim.Grains.Interfaces.Resources;

/// <summary>Lists and filters a tenant's resources (RFC 7644 §3.4.2). Keyed by tenant; stateless.</summary>
[Alias("scim.IQueryGrain")]
public interface IQueryGrain : IGrainWithStringKey
{
    /// <summary>Returns one page of the resources of <paramref name="kind"/> matching the query's filter.</summary>
    Task<ListResult> ListAsync(ResourceKind kind, ListQuery query, RenderOptions render);
}
