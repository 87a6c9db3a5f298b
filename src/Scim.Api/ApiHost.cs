using Orleans.Configuration;
using Orleans.Dashboard;
using Scim.Api.Hosting;
using Scim.Api.Telemetry;

namespace Scim.Api;

/// <summary>
/// The stateless API process: an Orleans client of the cluster found through the ADO.NET membership table on
/// PostgreSQL. Any number of replicas serve behind a load balancer; single-node mode runs the API inside the silo.
/// </summary>
public static class ApiHost
{
    public static void Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        var settings = ClusterSettings.From(builder.Configuration);
        if (!settings.UsesPostgres)
            throw new InvalidOperationException("The standalone API needs ConnectionStrings__Scim to find the cluster; run src/Scim.Silo for single-node mode.");
        builder.UseOrleansClient(client =>
        {
            client.Configure<ClusterOptions>(settings.Apply);
            client.Configure<ClientMessagingOptions>(settings.Apply);
            client.UseAdoNetClustering(options =>
            {
                options.Invariant = ClusterSettings.PostgresInvariant;
                options.ConnectionString = settings.OrleansConnectionString();
            });
            if (OrleansDashboard.IsOn(builder.Configuration, builder.Environment)) client.AddDashboard(options => options.HideTrace = true);
        });
        builder.Services.AddScimTelemetry(builder.Configuration, "scim-api");
        builder.Services.AddScimApi(builder.Configuration);
        var app = builder.Build();
        app.MapScimApi();
        app.Run();
    }
}
