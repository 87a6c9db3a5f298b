using Microsoft.Extensions.Options;
using Orleans.Dashboard;
using Scim.Api.Auth;
using Scim.Api.Hosting;
using Scim.Api.Telemetry;

namespace Scim.Api.Endpoints;

/// <summary>
/// What operators watch over HTTP: the Prometheus scrape endpoint <c>/metrics</c> and the Orleans dashboard at
/// <c>/operator/dashboard</c>, each only when switched on and only for the operator (key or console session).
/// </summary>
public static class OperationsEndpoints
{
    public static void MapOperationsEndpoints(this WebApplication app)
    {
        var telemetry = app.Services.GetRequiredService<IOptions<TelemetryOptions>>().Value;
        // With a port of its own, /metrics is served by its own listener there (ScimTelemetry), not on this one.
        if (telemetry.Prometheus is { Enabled: true, Port: null })
            app.MapPrometheusScrapingEndpoint("/metrics").RequireAuthorization(ScimAuth.OperatorPolicy);
        if (OrleansDashboard.IsOn(app.Configuration, app.Environment))
            app.MapOrleansDashboard(OrleansDashboard.Path).RequireAuthorization(ScimAuth.OperatorViewsPolicy);
    }
}
