using Scim.Grains.Interfaces.Tenants;
using Scim.Testing;

namespace Scim.Grains.Tests.Grains;

/// <summary>The operator's list of tenants: kept in grain storage, so a restarted cluster on the same database lists them all.</summary>
public sealed class TenantCatalogTests
{
    [Fact]
    public async Task CreatedTenants_AreListedNewestFirst_AlsoAfterTheWholeClusterRestarts()
    {
        var database = TestDatabase.Create();
        try
        {
            var ids = Enumerable.Range(0, 3).Select(i => $"cat-{i}-" + Guid.NewGuid().ToString("N")[..8]).ToList();
            IReadOnlyList<TenantInfo> before;
            await using (var first = await PostgresCluster.StartAsync(database))
            {
                foreach (var id in ids) await first.Cluster.GrainFactory.GetGrain<ITenantGrain>(id).CreateAsync($"Platform {id}");
                before = await first.Cluster.GrainFactory.GetGrain<ITenantCatalogGrain>(0).ListAsync();
            }

            await using var second = await PostgresCluster.StartAsync(database);
            var after = await second.Cluster.GrainFactory.GetGrain<ITenantCatalogGrain>(0).ListAsync();

            Assert.Equal(ids.AsEnumerable().Reverse(), before.Select(t => t.Id));
            Assert.Equal(before, after);
            Assert.Equal($"Platform {ids[0]}", after[^1].DisplayName);
        }
        finally
        {
            database.Drop();
        }
    }
}
