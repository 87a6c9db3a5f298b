using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;
using Scim.Grains.Interfaces.Errors;
using Scim.Grains.Interfaces.Resources;
using Xunit.Abstractions;

namespace Scim.Grains.Tests.Grains;

/// <summary>Two silos on PostgreSQL with real ADO.NET membership: races, and a silo lost under load.</summary>
public sealed class PostgresClusterTests(ITestOutputHelper output)
{
    private static readonly RenderOptions Render = new("http://test/scim/v2/t");

    [Fact]
    public async Task TwoSilosRacingCreatesOfOneUserName_ExactlyOneWins()
    {
        await using var postgres = await PostgresCluster.StartAsync();
        var grains = postgres.Cluster.GrainFactory;
        var tenant = "race-" + Guid.NewGuid().ToString("N")[..8];

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 40).Select(async i =>
        {
            try
            {
                await NewUsers.CreateAsync(grains, tenant, $$"""{"userName":"{{(i % 2 == 0 ? "racer" : "RACER")}}"}""", Render);
                return null;
            }
            catch (ScimException e)
            {
                return e;
            }
        }));

        Assert.Single(outcomes, o => o is null);
        Assert.All(outcomes.OfType<ScimException>(), e => Assert.Equal(ScimType.Uniqueness, e.ScimType));
        var query = grains.GetGrain<IQueryGrain>(tenant);
        var found = await query.ListAsync(ResourceKind.User, new ListQuery("userName eq \"racer\"", 1, null), Render);
        Assert.Equal(1, found.TotalResults);
    }

    [Fact]
    public async Task TwoSilosRacingRePostsOfOneDeactivatedUser_ExactlyOneReactivatesIt()
    {
        await using var postgres = await PostgresCluster.StartAsync();
        var grains = postgres.Cluster.GrainFactory;
        var tenant = "repost-" + Guid.NewGuid().ToString("N")[..8];
        const string body = """{"userName":"again@atko.com","externalId":"00u-again","active":true}""";
        var id = Guid.NewGuid().ToString();
        var (user, _) = await NewUsers.CreateAsync(grains, tenant, body, Render, id);
        await user.PatchAsync(new PatchRequest([new PatchOperation("replace", "active", "false")]), null, Render);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 32).Select(async _ =>
        {
            try
            {
                return (await NewUsers.CreateAsync(grains, tenant, body, Render)).Created.Id;
            }
            catch (ScimException e) when (e.ScimType == ScimType.Uniqueness)
            {
                return null;
            }
        }));

        Assert.Equal(id, Assert.Single(outcomes, o => o is not null));
    }

    [Fact]
    public async Task KillingASiloDuringCreatesAndGroupPatches_LosesNoAcknowledgedWrite_AndTheClusterKeepsServing()
    {
        await using var postgres = await PostgresCluster.StartAsync();
        var cluster = postgres.Cluster;
        var grains = cluster.GrainFactory;
        var tenant = "failover-" + Guid.NewGuid().ToString("N")[..8];
        var groupKey = ResourceKeys.Of(tenant, Guid.NewGuid().ToString());
        await grains.GetGrain<IGroupGrain>(groupKey).CreateAsync("""{"displayName":"everyone"}""", Render);
        var createdUsers = new ConcurrentBag<string>();
        var addedMembers = new ConcurrentBag<string>();
        var failures = 0;
        using var stop = new CancellationTokenSource();

        async Task WorkerAsync(int worker)
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var id = Guid.NewGuid().ToString();
                try
                {
                    await NewUsers.CreateAsync(grains, tenant, $$"""{"userName":"u{{worker}}-{{i}}"}""", Render, id);
                    createdUsers.Add(id);
                    await grains.GetGrain<IGroupGrain>(groupKey).PatchAsync(
                        new PatchRequest([new PatchOperation("add", "members", $$"""[{"value":"{{id}}"}]""")]), null, Render);
                    addedMembers.Add(id);
                }
                catch (Exception e) when (e is not ScimException { Status: 409 })
                {
                    // Not acknowledged: the caller would retry. Only acknowledged writes are checked below.
                    Interlocked.Increment(ref failures);
                }
            }
        }

        var workers = Enumerable.Range(0, 8).Select(WorkerAsync).ToList();
        await Task.Delay(TimeSpan.FromSeconds(2));
        var beforeKill = addedMembers.Count;
        await cluster.KillSiloAsync(cluster.SecondarySilos[0]);
        // Six seconds of work after the kill, longer until a member add is acknowledged again: a call caught on the
        // killed silo fails only once it is declared dead or the response timeout ends it, and a group change then
        // waits out the leases the killed silo held.
        var sinceKill = Stopwatch.StartNew();
        while (sinceKill.Elapsed < TimeSpan.FromSeconds(6) || (addedMembers.Count == beforeKill && sinceKill.Elapsed < TimeSpan.FromSeconds(30)))
            await Task.Delay(100);
        var worked = sinceKill.Elapsed;
        await stop.CancelAsync();
        await Task.WhenAll(workers);
        var afterKill = addedMembers.Count - beforeKill;

        var query = grains.GetGrain<IQueryGrain>(tenant);
        var presentUsers = new HashSet<string>();
        for (var start = 1; ; start += 1000)
        {
            var page = await query.ListAsync(ResourceKind.User, new ListQuery(null, start, 1000), Render);
            presentUsers.UnionWith(page.Resources.Select(r => JsonNode.Parse(r.Json)!["id"]!.GetValue<string>()));
            if (start + 1000 > page.TotalResults) break;
        }
        Assert.Subset(presentUsers, createdUsers.ToHashSet());
        // Every member, page by page: a rendered group holds only the first chunk of a large one.
        var members = new HashSet<string>();
        for (string? after = null; ;)
        {
            var listing = await grains.GetGrain<IGroupGrain>(groupKey).ListMembersAsync(after, 1000);
            members.UnionWith(listing.Members.Select(m => m.UserId));
            if ((after = listing.Next) is null) break;
        }
        Assert.Subset(members, addedMembers.ToHashSet());
        output.WriteLine($"acknowledged: {createdUsers.Count} creates, {addedMembers.Count} member adds ({beforeKill} before the kill); {failures} calls failed; "
            + $"worked {worked.TotalSeconds:F1} s after the kill");
        Assert.True(beforeKill > 0, "no member was added before the kill");
        Assert.True(afterKill > 0, $"the cluster stopped serving after the kill ({failures} failed calls)");
    }
}
