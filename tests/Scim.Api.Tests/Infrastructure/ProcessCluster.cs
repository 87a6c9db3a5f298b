using Scim.Testing;

namespace Scim.Api.Tests.Infrastructure;

/// <summary>
/// The production shape on one machine: two silo processes and an API process on a database of their own, found by
/// each other through the membership table. Disposing stops them all and drops the database.
/// </summary>
public sealed class ProcessCluster : IAsyncDisposable
{
    private readonly TestDatabase database;
    private readonly string operatorKey;
    private readonly List<ServiceProcess> processes = [];

    private ProcessCluster(TestDatabase database, string operatorKey) => (this.database, this.operatorKey) = (database, operatorKey);

    public IReadOnlyList<ServiceProcess> Silos => processes.Take(2).ToList();
    public ServiceProcess Api => processes[2];

    /// <summary>Tenants and clients set up through the API process, with the cluster's operator key.</summary>
    public ServiceClients Clients => new(Api.CreateClient, operatorKey);

    /// <summary>Starts the silos, then the API; <paramref name="settings"/> go to every process (and may change the database's connection string).</summary>
    public static async Task<ProcessCluster> StartAsync(string operatorKey, Func<string, IReadOnlyDictionary<string, string>>? settings = null)
    {
        var cluster = new ProcessCluster(TestDatabase.Create(), operatorKey);
        var shared = new Dictionary<string, string>
        {
            ["ConnectionStrings:Scim"] = cluster.database.ConnectionString,
            ["Orleans:ClusterId"] = "cluster-" + Guid.NewGuid().ToString("N")[..8],
            ["Orleans:AdvertisedIPAddress"] = "127.0.0.1",
            ["Scim:OperatorKey"] = operatorKey,
            ["Scim:DemoTenant"] = "-",
        };
        foreach (var (key, value) in settings?.Invoke(cluster.database.ConnectionString) ?? new Dictionary<string, string>()) shared[key] = value;
        try
        {
            cluster.processes.Add(await ServiceProcess.StartAsync("Scim.Silo", SiloSettings(shared)));
            cluster.processes.Add(await ServiceProcess.StartAsync("Scim.Silo", SiloSettings(shared)));
            cluster.processes.Add(await ServiceProcess.StartAsync("Scim.Api", shared));
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>A silo's settings: the cluster's, with silo and gateway ports of its own.</summary>
    private static Dictionary<string, string> SiloSettings(IReadOnlyDictionary<string, string> cluster) => new(cluster)
    {
        ["Orleans:SiloPort"] = ScimApiFactory.FreePort(),
        ["Orleans:GatewayPort"] = ScimApiFactory.FreePort(),
    };

    public async ValueTask DisposeAsync()
    {
        foreach (var process in processes) await process.DisposeAsync();
        database.Drop();
    }
}
