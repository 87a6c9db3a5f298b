using Microsoft.Extensions.DependencyInjection;
using Orleans.Core.Internal;
using Orleans.TestingHost;
using Scim.Grains.Resources;
using Scim.Grains.Interfaces.Groups;
using Scim.Grains.Tests.Grains;

namespace Scim.Grains.Tests.Resources;

/// <summary>
/// Each silo's epochs of a tenant's groups, on two silos: the announcer of the tenant's group changes lives on one, so
/// one silo hears of a change in process and the other through a grain call.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class GroupsEpochsTests(ClusterFixture fixture)
{
    private readonly GroupsEpochs[] silos = [.. fixture.Cluster.Silos.Select(silo =>
        ((InProcessSiloHandle)silo).SiloHost.Services.GetRequiredService<GroupsEpochs>())];

    private static string NewTenant() => $"epochs-{Guid.NewGuid():N}";

    private async Task<long[]> CurrentAsync(string tenant) => [.. await Task.WhenAll(silos.Select(silo => silo.CurrentAsync(tenant).AsTask()))];

    private static void AssertNewOnEverySilo(long[] before, long[] after) =>
        Assert.All(before.Zip(after), pair => Assert.NotEqual(pair.First, pair.Second));

    [Fact]
    public async Task AChangeAcknowledged_HasBegunANewEpochOnEverySilo()
    {
        var tenant = NewTenant();
        var before = await CurrentAsync(tenant);

        await fixture.Cluster.GrainFactory.GetGrain<IGroupsEpochGrain>(tenant).AdvanceAsync();

        AssertNewOnEverySilo(before, await CurrentAsync(tenant));
    }

    [Fact]
    public async Task AnEpoch_StaysWhileNothingChanges_AcrossRenewedLeases()
    {
        var tenant = NewTenant();
        var first = await CurrentAsync(tenant);

        // Reads every tenth of a lease for two leases: each silo renews its lease a few times meanwhile.
        for (var read = 0; read < 20; read++)
        {
            await Task.Delay(GroupsEpochs.Lease / 10);
            Assert.Equal(first, await CurrentAsync(tenant));
        }
    }

    [Fact]
    public async Task AChangeAfterTheAnnouncerStopped_HasBegunANewEpochOnEverySilo()
    {
        var tenant = NewTenant();
        var announcer = fixture.Cluster.GrainFactory.GetGrain<IGroupsEpochGrain>(tenant);
        var before = await CurrentAsync(tenant);

        // Its next activation has leased to no one, yet the silos' leases from this one have not run out.
        await announcer.Cast<IGrainManagementExtension>().DeactivateOnIdle();
        await announcer.AdvanceAsync();

        AssertNewOnEverySilo(before, await CurrentAsync(tenant));
    }

    [Fact]
    public async Task OnALoneSilo_AChangeAfterTheAnnouncerStopped_HasBegunANewEpoch()
    {
        // A lone silo's next activation does not wait for earlier leases to run out: the lease must have ended.
        var cluster = new TestClusterBuilder(1).AddSiloBuilderConfigurator<LoneSilo>().Build();
        await cluster.DeployAsync();
        try
        {
            var epochs = ((InProcessSiloHandle)cluster.Primary!).SiloHost.Services.GetRequiredService<GroupsEpochs>();
            var tenant = NewTenant();
            var announcer = cluster.GrainFactory.GetGrain<IGroupsEpochGrain>(tenant);
            var before = await epochs.CurrentAsync(tenant);

            await announcer.Cast<IGrainManagementExtension>().DeactivateOnIdle();
            await announcer.AdvanceAsync();

            Assert.NotEqual(before, await epochs.CurrentAsync(tenant));
        }
        finally
        {
            await cluster.DisposeAsync();
        }
    }

    private sealed class LoneSilo : ISiloConfigurator
    {
        public void Configure(ISiloBuilder silo) => silo.AddScimInMemoryStorage();
    }
}
