using System.Security.Claims;
using Scim.Api.Auth;
using Scim.Api.Http;
using Scim.Grains.Interfaces.References;
using Scim.Grains.Interfaces.Resources;
using Scim.Grains.Interfaces.Tenants;

namespace Scim.Api.Endpoints;

/// <summary>
/// The CRUD endpoints of a resource type (RFC 7644 §3.3-§3.6): bind, pick the grain, call it, shape the response.
/// PATCH answers 200 with the resource, except to Entra tokens, which get 204 as Microsoft's reference tests expect;
/// a request with attributes/excludedAttributes always gets 200 with the projected resource (RFC 7644 §3.5.2).
/// </summary>
public static class ResourceEndpoints
{
    public static void MapResource(this RouteGroupBuilder scim, ResourceKind kind)
    {
        var resources = scim.MapGroup(kind == ResourceKind.User ? "/Users" : "/Groups").WithTags(kind + "s")
            .WithMetadata(new LoggedResourceType(kind.ToString()));
        resources.MapGet("/", (HttpContext http, string tenant, [AsParameters] ScimServices s) => ListAsync(http, tenant, kind, s));
        resources.MapPost("/", (HttpContext http, string tenant, [AsParameters] ScimServices s) => CreateAsync(http, tenant, kind, s));
        resources.MapGet("/{id}", (HttpContext http, string tenant, string id, [AsParameters] ScimServices s) => GetAsync(http, tenant, id, kind, s));
        resources.MapPut("/{id}", (HttpContext http, string tenant, string id, [AsParameters] ScimServices s) => ReplaceAsync(http, tenant, id, kind, s));
        resources.MapPatch("/{id}", (HttpContext http, string tenant, string id, [AsParameters] ScimServices s) => PatchAsync(http, tenant, id, kind, s));
        resources.MapDelete("/{id}", (HttpContext http, string tenant, string id, [AsParameters] ScimServices s) => DeleteAsync(http, tenant, id, kind, s));
    }

    private static async Task<IResult> ListAsync(HttpContext http, string tenant, ResourceKind kind, ScimServices s)
    {
        var render = ScimRequests.Render(http.Request, s.Options.Value, tenant);
        var list = await s.Grains.Grain<IQueryGrain>(tenant).ListAsync(kind, ScimRequests.List(http.Request), render);
        return ScimResult.List(list, new MemberStream(s.Grains, tenant, render));
    }

    private static async Task<IResult> CreateAsync(HttpContext http, string tenant, ResourceKind kind, ScimServices s)
    {
        var body = await s.Bodies.ReadTextAsync(http.Request);
        var id = RandomIds.NewGuid().ToString();
        var render = ScimRequests.Render(http.Request, s.Options.Value, tenant);
        var snapshot = await s.Grains.CreateResourceAsync(kind, tenant, id, body, render);
        var facts = ScimRequestFacts.Of(http);
        (facts.CreatedId, facts.Note) = (snapshot.Id, snapshot.Note);
        return ScimResult.Resource(snapshot, new MemberStream(s.Grains, tenant, render), StatusCodes.Status201Created);
    }

    private static async Task<IResult> GetAsync(HttpContext http, string tenant, string id, ResourceKind kind, ScimServices s)
    {
        var render = ScimRequests.Render(http.Request, s.Options.Value, tenant);
        var ifNoneMatch = http.Request.Headers.IfNoneMatch.ToString();
        var snapshot = await Grain(s, kind, tenant, ScimRequests.RequireResourceId(id, kind.ToString()))
            .GetAsync(render, ifNoneMatch.Length > 0 ? ifNoneMatch : null);
        if (snapshot.NotModified)
        {
            http.Response.Headers.ETag = snapshot.ETag;
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }
        return ScimResult.Resource(snapshot, new MemberStream(s.Grains, tenant, render));
    }

    private static async Task<IResult> ReplaceAsync(HttpContext http, string tenant, string id, ResourceKind kind, ScimServices s)
    {
        var grain = Grain(s, kind, tenant, ScimRequests.RequireResourceId(id, kind.ToString()));
        var body = await s.Bodies.ReadTextAsync(http.Request);
        var render = ScimRequests.Render(http.Request, s.Options.Value, tenant);
        var snapshot = await grain.ReplaceAsync(body, IfMatch(http), render);
        return ScimResult.Resource(snapshot, new MemberStream(s.Grains, tenant, render));
    }

    private static async Task<IResult> PatchAsync(HttpContext http, string tenant, string id, ResourceKind kind, ScimServices s)
    {
        var grain = Grain(s, kind, tenant, ScimRequests.RequireResourceId(id, kind.ToString()));
        var patch = PatchRequests.Parse(await s.Bodies.ReadTextAsync(http.Request));
        var render = ScimRequests.Render(http.Request, s.Options.Value, tenant);
        var projected = render.Attributes is not null || render.ExcludedAttributes is not null;
        if (!projected && http.User.FindFirstValue(ScimAuth.IdentityProviderClaim) == IdentityProviders.Entra)
        {
            // 204: nothing to render, so a group's members are never read for the answer.
            var written = await grain.PatchWithoutBodyAsync(patch, IfMatch(http));
            http.Response.Headers.ETag = written.ETag;
            return Results.NoContent();
        }
        return ScimResult.Resource(await grain.PatchAsync(patch, IfMatch(http), render), new MemberStream(s.Grains, tenant, render));
    }

    private static async Task<IResult> DeleteAsync(HttpContext http, string tenant, string id, ResourceKind kind, ScimServices s)
    {
        await Grain(s, kind, tenant, ScimRequests.RequireResourceId(id, kind.ToString())).DeleteAsync(IfMatch(http));
        return Results.NoContent();
    }

    private static string? IfMatch(HttpContext http) => http.Request.Headers.IfMatch.Count > 0 ? http.Request.Headers.IfMatch.ToString() : null;

    private static IResourceGrain Grain(ScimServices s, ResourceKind kind, string tenant, string id)
    {
        var key = ResourceKeys.Of(tenant, id);
        return kind == ResourceKind.User ? s.Grains.Grain<IUserGrain>(key) : s.Grains.Grain<IGroupGrain>(key);
    }
}
