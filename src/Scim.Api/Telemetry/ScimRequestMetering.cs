using Microsoft.AspNetCore.Http.Features;
using Scim.Api.Http;

namespace Scim.Api.Telemetry;

/// <summary>
/// Times every SCIM request (<c>/scim/v2/...</c>) into <c>scim.request.duration</c> once its status is final. Runs
/// outside the exception handler, as the provisioning log does, so it sees the status an error became; the endpoint is
/// read before the request runs, since the exception handler clears it. ASP.NET Core's <c>http.server.request.duration</c>
/// leaves these requests to it: the same request timed twice cost as much again, and this one says more.
/// </summary>
public sealed class ScimRequestMetering(RequestDelegate next, ApiMetrics metrics, TimeProvider clock)
{
    private const string Unauthenticated = "unauthenticated";

    public async Task InvokeAsync(HttpContext http)
    {
        if (!http.Request.Path.StartsWithSegments("/scim/v2"))
        {
            await next(http);
            return;
        }
        if (http.Features.Get<IHttpMetricsTagsFeature>() is { } hostingMetrics) hostingMetrics.MetricsDisabled = true;
        var started = clock.GetTimestamp();
        var endpoint = http.GetEndpoint() as RouteEndpoint;
        try
        {
            await next(http);
        }
        finally
        {
            var resourceType = endpoint?.Metadata.GetMetadata<LoggedResourceType>()?.Name ?? "none";
            var identityProvider = ScimRequestFacts.Of(http).Token?.IdentityProvider ?? Unauthenticated;
            metrics.RecordRequest(clock.GetElapsedTime(started), identityProvider, resourceType,
                ScimOperations.Of(http.Request.Method, endpoint?.RoutePattern.RawText), http.Response.StatusCode);
        }
    }
}
