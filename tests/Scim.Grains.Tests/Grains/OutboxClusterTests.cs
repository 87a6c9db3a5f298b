using Scim.Grains.Interfaces.Platform;
using Scim.Grains.Interfaces.Resources;
using Scim.Grains.Interfaces.Tenants;
using Xunit.Abstractions;

namespace Scim.Grains.Tests.Grains;

/// <summary>The outbox on two silos and PostgreSQL: every created user's mail goes out once, also across a silo's death.</summary>
public sealed class OutboxClusterTests(ITestOutputHelper output)
{
    private static readonly RenderOptions Render = new("http://test/scim/v2/t");
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task MailedCreatesOverTwoSilos_EachUserGetsOneMail_AndAfterASiloDies_EachStillGetsItsMail()
    {
        await using var postgres = await PostgresCluster.StartAsync();
        var cluster = postgres.Cluster;
        var tenant = "mail-" + Guid.NewGuid().ToString("N")[..8];
        var tenantGrain = cluster.GrainFactory.GetGrain<ITenantGrain>(tenant);
        await tenantGrain.CreateAsync("Mail test");
        await tenantGrain.SetSettingsAsync(new ScimSettings("okta", SendTemporaryPasswordEmail: true));

        // 250 users while both silos run: exactly one mail each.
        var calm = await CreateUsersAsync(cluster.GrainFactory, tenant, "calm", 250);
        await WaitForMailAsync(calm);
        var calmCounts = calm.Select(RecordingMailSender.Shared.CountTo).ToList();

        // 250 more, with the secondary silo killed while their mail goes out: each still gets its mail.
        var stormy = await CreateUsersAsync(cluster.GrainFactory, tenant, "stormy", 250);
        await cluster.KillSiloAsync(cluster.SecondarySilos[0]);
        await WaitForMailAsync(stormy);
        var stormyCounts = stormy.Select(RecordingMailSender.Shared.CountTo).ToList();

        output.WriteLine($"with both silos: {calmCounts.Sum()} mails for {calm.Count} users; across the kill: {stormyCounts.Sum()} mails for "
            + $"{stormy.Count} users, {stormyCounts.Count(c => c > 1)} users mailed twice (sent, then the silo died before marking)");
        Assert.All(calmCounts, count => Assert.Equal(1, count));
        Assert.All(stormyCounts, count => Assert.InRange(count, 1, 2));
    }

    private static async Task<List<string>> CreateUsersAsync(IGrainFactory grains, string tenant, string prefix, int count)
    {
        var addresses = Enumerable.Range(0, count).Select(i => $"{prefix}{i}@mail.example").ToList();
        await Task.WhenAll(addresses.Select(address =>
            NewUsers.CreateAsync(grains, tenant, $$"""{"userName":"{{address}}","emails":[{"value":"{{address}}","primary":true}]}""", Render)));
        return addresses;
    }

    private static async Task WaitForMailAsync(IReadOnlyList<string> addresses)
    {
        await RecordingMailSender.Shared.WaitUntilEachHasMailAsync(addresses, Patience);
        Assert.All(addresses, a => Assert.True(RecordingMailSender.Shared.CountTo(a) > 0, $"no mail reached {a}"));
    }
}
