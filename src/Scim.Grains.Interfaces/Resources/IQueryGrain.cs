using Scim.Grains.Interfaces.Platform;

namespace Scim.Grains.Interfaces.Resources;

/// <summary>Lists and filters a tenant's resources (RFC 7644 §3.4.2). Keyed by tenant; stateless.</summary>
[Alias("scim.IQueryGrain")]
public interface IQueryGrain : IGrainWithStringKey
{
    /// <summary>Returns one page of the resources of <paramref name="kind"/> matching the query's filter.</summary>
    Task<ListResult> ListAsync(ResourceKind kind, ListQuery query, RenderOptions render);

    /// <summary>
    /// A query at the root (RFC 7644 §3.4.2, §3.4.3): users and groups together, users first, each in creation order,
    /// or merged by the sort key. A filter or sortBy naming an attribute one type lacks matches nothing of that type.
    /// </summary>
    Task<ListResult> SearchAllAsync(ListQuery query, RenderOptions render);

    /// <summary>A page of users as the platform's pages list them (with role and origin, which SCIM does not show), by the same filter rules.</summary>
    Task<PlatformUserList> ListPlatformUsersAsync(ListQuery query);
}
