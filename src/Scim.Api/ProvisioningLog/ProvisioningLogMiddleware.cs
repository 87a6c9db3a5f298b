using Scim.Api.Http;
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
    private const int MaxPathLength = 1000;

    public async Task InvokeAsync(HttpContext http)
    {
        var started = clock.GetUtcNow();
        // Read before the request runs: the exception handler clears the route values and endpoint of a request that failed.
        var (tenant, id) = (http.GetRouteValue("tenant") as string, http.GetRouteValue("id") as string);
        var type = http.GetEndpoint()?.Metadata.GetMetadata<LoggedResourceType>()?.Name;
        try
        {
            await next(http);
        }
        finally
        {
            var facts = ScimRequestFacts.Of(http);
            if (facts.Token is { } token && tenant is not null) Record(http, tenant, type, id ?? facts.CreatedId, token, facts, started);
        }
    }

    private void Record(HttpContext http, string tenant, string? type, string? id, TokenIdentity token, ScimRequestFacts facts, DateTimeOffset started)
    {
        var request = http.Request;
        var path = (request.Path + request.QueryString).ToString();
        var entry = new ProvisioningLogEntry(0, started, token.TokenId, token.IdentityProvider, request.Method,
            path.Length > MaxPathLength ? path[..MaxPathLength] : path, http.Response.StatusCode, type, id, [], facts.Note);
        queue.Enqueue(new PendingLogEntry(tenant, entry, facts.Body));
    }
}
