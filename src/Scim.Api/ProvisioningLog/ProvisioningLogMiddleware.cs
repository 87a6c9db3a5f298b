using Microsoft.AspNetCore.Routing;
using Scim.Api.Auth;
using Scim.Grains.Interfaces.Platform;
using Scim.Grains.Interfaces.Tenants;

namespace Scim.Api.ProvisioningLog;

/// <summary>
/// Records every SCIM request that presented a valid token of its tenant (also those refused afterwards: inactive
/// integration, rate limit, bad input) once its response status is final, by queueing it; the writer stores it later.
/// Requests without a valid token are not the tenant's and are not recorded. Runs outside the exception handler, so it
/// sees the status an error became.
/// </summary>
public sealed class ProvisioningLogMiddleware(RequestDelegate next, ProvisioningLogQueue queue, TimeProvider clock)
{
    /// <summary>HttpContext item: the body a SCIM request sent, for the names of the attributes it sets.</summary>
    public const string BodyItem = "scim.log.body";

    /// <summary>HttpContext item: the identity of a valid token, set by the token handler.</summary>
    public const string TokenItem = "scim.log.token";

    private const int MaxPathLength = 1000;

    public async Task InvokeAsync(HttpContext http)
    {
        var started = clock.GetUtcNow();
        // Read before the request runs: the exception handler clears the route values of a request that failed.
        var (tenant, id) = (http.GetRouteValue("tenant") as string, http.GetRouteValue("id") as string);
        try
        {
            await next(http);
        }
        finally
        {
            if (http.Items[TokenItem] is TokenIdentity token && tenant is not null) Record(http, tenant, id, token, started);
        }
    }

    private void Record(HttpContext http, string tenant, string? routeId, TokenIdentity token, DateTimeOffset started)
    {
        var request = http.Request;
        var path = (request.Path + request.QueryString).ToString();
        var (type, id) = Resource(http, tenant, routeId);
        var entry = new ProvisioningLogEntry(0, started, token.TokenId, token.IdentityProvider, request.Method,
            path.Length > MaxPathLength ? path[..MaxPathLength] : path, http.Response.StatusCode, type, id, []);
        queue.Enqueue(new PendingLogEntry(tenant, entry, http.Items[BodyItem] as string));
    }

    /// <summary>The resource type from the path, and its id: the route's, or a created resource's from its Location.</summary>
    private static (string? Type, string? Id) Resource(HttpContext http, string tenant, string? id)
    {
        var rest = http.Request.Path.Value?[($"/scim/v2/{tenant}".Length)..].Trim('/') ?? "";
        var segments = rest.Split('/', 2);
        var type = segments[0] switch
        {
            "Users" => "User",
            "Groups" => "Group",
            "Bulk" => "Bulk",
            _ => null,
        };
        if (id is null && http.Response.StatusCode == StatusCodes.Status201Created && http.Response.Headers.Location.ToString() is { Length: > 0 } location)
            id = Uri.UnescapeDataString(location[(location.LastIndexOf('/') + 1)..]);
        return (type, id);
    }
}
