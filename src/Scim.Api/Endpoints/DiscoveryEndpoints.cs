using Scim.Api.Http;
using Scim.Grains.Interfaces.References;
using Scim.Grains.Interfaces.Resources;

namespace Scim.Api.Endpoints;

/// <summary>The discovery endpoints of RFC 7644 §4.</summary>
public static class DiscoveryEndpoints
{
    public static void MapDiscovery(this RouteGroupBuilder scim)
    {
        scim.MapGet("/ServiceProviderConfig", async (HttpContext http, string tenant, [AsParameters] ScimServices s) =>
            Json(await Discovery(s, tenant).GetServiceProviderConfigAsync(BaseUrl(http, s, tenant)))).WithTags("Discovery");
        scim.MapGet("/Schemas", async (HttpContext http, string tenant, [AsParameters] ScimServices s) =>
            Json(await Discovery(s, tenant).GetSchemasAsync(BaseUrl(http, s, tenant), null))).WithTags("Discovery");
        scim.MapGet("/Schemas/{id}", async (HttpContext http, string tenant, string id, [AsParameters] ScimServices s) =>
            Json(await Discovery(s, tenant).GetSchemasAsync(BaseUrl(http, s, tenant), id))).WithTags("Discovery");
        scim.MapGet("/ResourceTypes", async (HttpContext http, string tenant, [AsParameters] ScimServices s) =>
            Json(await Discovery(s, tenant).GetResourceTypesAsync(BaseUrl(http, s, tenant), null))).WithTags("Discovery");
        scim.MapGet("/ResourceTypes/{id}", async (HttpContext http, string tenant, string id, [AsParameters] ScimServices s) =>
            Json(await Discovery(s, tenant).GetResourceTypesAsync(BaseUrl(http, s, tenant), id))).WithTags("Discovery");
    }

    private static IDiscoveryGrain Discovery(ScimServices s, string tenant) => s.Grains.Grain<IDiscoveryGrain>(tenant);

    private static string BaseUrl(HttpContext http, ScimServices s, string tenant) => ScimRequests.TenantBaseUrl(http.Request, s.Options.Value, tenant);

    private static ScimResult Json(string json) => new(StatusCodes.Status200OK, json);
}
