using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;
using Scim.Grains.Storage;

namespace Scim.Grains.Tests.Grains;

/// <summary>
/// A 2-silo TestCluster. Both silos share one resource store, as silos share one database in production; the
/// store, not the grains, is then the final guard of uniqueness across silos.
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    private static readonly InMemoryResourceStore SharedStore = new();

    /// <summary>The store behind both silos, for tests that change it behind the grains' backs.</summary>
    public InMemoryResourceStore Store => SharedStore;

    public TestCluster Cluster { get; } = new TestClusterBuilder(2).AddSiloBuilderConfigurator<SiloConfigurator>().Build();

    public Task InitializeAsync() => Cluster.DeployAsync();

    public async Task DisposeAsync() => await Cluster.DisposeAsync();

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder silo)
        {
            silo.Services.AddSingleton<IResourceStore>(SharedStore);
            silo.Services.AddSingleton<IMembershipStore>(SharedStore);
            silo.Services.AddSingleton<IGroupTreeStore>(SharedStore);
            silo.Services.AddSingleton<IOutboxStore>(SharedStore);
            silo.AddScimInMemoryStorage();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}
