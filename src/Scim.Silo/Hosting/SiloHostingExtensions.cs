using System.Net;
using System.Security.Cryptography;
using Orleans.Configuration;
using Scim.Api;
using Scim.Api.Hosting;
using Scim.Api.Telemetry;
using Npgsql;
using OpenTelemetry.Trace;
using Orleans.Dashboard;
using Scim.Grains;
using Scim.Grains.Telemetry;

namespace Scim.Silo.Hosting;

/// <summary>
/// Hosts an Orleans silo (with the API beside it). Without a connection string: single node, localhost clustering,
/// in-memory storage. With <c>ConnectionStrings__Scim</c>: a member of a cluster on PostgreSQL (ADO.NET membership,
/// PostgreSQL storage), after the migrations have brought the database to this build's schema.
/// </summary>
public static class SiloHostingExtensions
{
    public static WebApplicationBuilder AddScimSilo(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var settings = ClusterSettings.From(configuration);
        var siloPort = configuration.GetValue("Orleans:SiloPort", 11111);
        var gatewayPort = configuration.GetValue("Orleans:GatewayPort", 30000);
        var dashboard = OrleansDashboard.IsOn(configuration, builder.Environment);
        var traces = ScimTelemetry.RecordsTraces(configuration);
        if (settings.UsesPostgres)
        {
            // Registered before the silo, so the schema is in place before the silo joins the cluster.
            builder.Services.AddHostedService<MigrationService>();
            builder.UseOrleans(silo =>
            {
                silo.Configure<ClusterOptions>(settings.Apply);
                silo.Configure<SiloMessagingOptions>(settings.Apply);
                silo.Configure<ClusterMembershipOptions>(options => ApplyFailureDetection(options, configuration));
                silo.ConfigureEndpoints(AdvertisedAddress(configuration), siloPort, gatewayPort, listenOnAnyHostAddress: true);
                silo.UseAdoNetClustering(options =>
                {
                    options.Invariant = ClusterSettings.PostgresInvariant;
                    options.ConnectionString = settings.OrleansConnectionString();
                });
                silo.AddScimPostgresStorage(settings.ConnectionString!, settings.OrleansConnectionString());
                AddOperations(silo, dashboard, traces);
            });
        }
        else
        {
            builder.UseOrleans(silo =>
            {
                silo.UseLocalhostClustering(siloPort, gatewayPort);
                silo.AddScimInMemoryStorage();
                AddOperations(silo, dashboard, traces);
            });
        }
        // Orleans' placement retries log every attempt at Information through Polly: keep them out of the console.
        builder.Logging.AddFilter("Polly", LogLevel.Warning);
        // The silo's SQL and SMTP under the spans of the grain call or the outbox message that ran them.
        MailKit.Telemetry.SmtpClient.Configure();
        builder.Services.AddScimTelemetry(configuration, "scim-silo").ConfigureOpenTelemetryTracerProvider(tracing => tracing
            .AddNpgsql().AddSource(MailKit.Telemetry.SmtpClient.ActivitySourceName));
        EnsureOperatorKey(configuration);
        builder.Services.AddHostedService<DemoTenantSeeder>();
        return builder;
    }

    /// <summary>
    /// Grain calls of a kept trace get their spans when traces are recorded; the dashboard, when on, collects its
    /// statistics here.
    /// </summary>
    private static void AddOperations(ISiloBuilder silo, bool dashboard, bool traces)
    {
        if (traces) silo.AddIncomingGrainCallFilter<TracedGrainCalls>();
        if (dashboard) silo.AddDashboard(options => options.HideTrace = true);
    }

    /// <summary>
    /// How fast a dead silo is declared dead, after which calls go to the live ones: probes time out after
    /// <c>Orleans:ProbeTimeoutSeconds</c> (2 s on a LAN, not Orleans' 5 s) and <c>Orleans:MissedProbesLimit</c> (2) missed
    /// probes suspect a silo, so a killed silo stops taking calls within a few seconds.
    /// </summary>
    private static void ApplyFailureDetection(ClusterMembershipOptions options, IConfiguration configuration)
    {
        options.ProbeTimeout = TimeSpan.FromSeconds(configuration.GetValue("Orleans:ProbeTimeoutSeconds", 2.0));
        options.NumMissedProbesLimit = configuration.GetValue("Orleans:MissedProbesLimit", 2);
    }

    /// <summary>The address other silos and clients reach this silo at: <c>Orleans__AdvertisedIPAddress</c>, else this host's.</summary>
    private static IPAddress AdvertisedAddress(IConfiguration configuration)
    {
        if (configuration["Orleans:AdvertisedIPAddress"] is { Length: > 0 } configured) return IPAddress.Parse(configured);
        var addresses = Dns.GetHostAddresses(Dns.GetHostName());
        return addresses.FirstOrDefault(a => a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork && !IPAddress.IsLoopback(a))
            ?? IPAddress.Loopback;
    }

    /// <summary>With no operator key configured, one is generated for this run; the seeder prints it once.</summary>
    private static void EnsureOperatorKey(ConfigurationManager configuration)
    {
        var key = $"{ScimApiOptions.Section}:{nameof(ScimApiOptions.OperatorKey)}";
        if (!string.IsNullOrWhiteSpace(configuration[key])) return;
        configuration[key] = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        configuration[DemoTenantSeeder.GeneratedKeyFlag] = "true";
    }
}
