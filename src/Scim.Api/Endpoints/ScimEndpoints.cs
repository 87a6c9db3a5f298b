using Scim.Api.Auth;
using Scim.Api.Errors;
using Scim.Api.Protection;
using Scim.Grains.Interfaces.Resources;

namespace Scim.Api.Endpoints;

/// <summary>The SCIM surface of one tenant: <c>/scim/v2/{tenant}</c>, opened only by that tenant's tokens.</summary>
public static class ScimEndpoints
{
    public static void MapScimEndpoints(this IEndpointRouteBuilder app)
    {
        var scim = app.MapGroup("/scim/v2/{tenant}").RequireAuthorization(ScimAuth.ProvisionPolicy).RequireRateLimiting(TenantRateLimiting.Policy);
        scim.MapResource(ResourceKind.User);
        scim.MapResource(ResourceKind.Group);
        scim.MapSearch();
        scim.MapBulk();
        // RFC 7644 §3.11: a token here stands for an identity provider's connection, not for a user, so there is no "me".
        scim.Map("/Me", (HttpContext http) => ScimErrorWriter.WriteAsync(http, StatusCodes.Status501NotImplemented, null,
            "/Me is not supported: tokens belong to an identity provider's connection, not to a user."));
        scim.MapDiscovery();
        app.MapFallback("/scim/v2/{tenant}/{**path}", (HttpContext http) =>
            ScimErrorWriter.WriteAsync(http, StatusCodes.Status404NotFound, null, $"No SCIM endpoint at {http.Request.Path}."));
    }
}
