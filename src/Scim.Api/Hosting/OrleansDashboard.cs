using Scim.Api.Telemetry;

namespace Scim.Api.Hosting;

/// <summary>
/// Whether a process serves the Orleans dashboard, decided in one place for the silo, the API client, the endpoint,
/// the banner and the console's link, which must agree: <c>Telemetry:Dashboard</c> when set, else on in Development and
/// in single-node mode (someone trying the service), off in a cluster.
/// </summary>
public static class OrleansDashboard
{
    public const string Path = "/operator/dashboard";

    public static bool IsOn(IConfiguration configuration, IHostEnvironment environment) =>
        configuration.GetValue<bool?>($"{TelemetryOptions.Section}:{nameof(TelemetryOptions.Dashboard)}")
            ?? (environment.IsDevelopment() || !ClusterSettings.From(configuration).UsesPostgres);
}
