using Scim.Api.Http;
using Scim.Grains.Interfaces.References;
using Scim.Grains.Interfaces.Resources;

namespace Scim.Api.Endpoints;

/// <summary>
/// POST .search (RFC 7644 §3.4.3): the query of a GET list sent as a SearchRequest body, on a resource type
/// (<c>/Users/.search</c>, <c>/Groups/.search</c>) or at the root (<c>/.search</c>, users and groups together).
/// </summary>
public static class SearchEndpoints
{
    public static void MapSearch(this RouteGroupBuilder scim)
    {
        scim.MapPost("/Users/.search", (HttpContext http, string tenant, [AsParameters] ScimServices s) => SearchAsync(http, tenant, ResourceKind.User, s))
            .WithTags("Users").WithMetadata(new LoggedResourceType(nameof(ResourceKind.User)));
        scim.MapPost("/Groups/.search", (HttpContext http, string tenant, [AsParameters] ScimServices s) => SearchAsync(http, tenant, ResourceKind.Group, s))
            .WithTags("Groups").WithMetadata(new LoggedResourceType(nameof(ResourceKind.Group)));
        scim.MapPost("/.search", (HttpContext http, string tenant, [AsParameters] ScimServices s) => SearchAsync(http, tenant, null, s))
            .WithTags("Search");
    }

    private static async Task<IResult> SearchAsync(HttpContext http, string tenant, ResourceKind? kind, ScimServices s)
    {
        var (query, attributes, excluded) = SearchRequests.Parse(await s.Bodies.ReadTextAsync(http.Request));
        var render = new RenderOptions(ScimRequests.TenantBaseUrl(http.Request, s.Options.Value, tenant), attributes, excluded);
        var grain = s.Grains.Grain<IQueryGrain>(tenant);
        var list = kind is { } type ? await grain.ListAsync(type, query, render) : await grain.SearchAllAsync(query, render);
        return ScimResult.List(list, new MemberStream(s.Grains, tenant, render));
    }
}
