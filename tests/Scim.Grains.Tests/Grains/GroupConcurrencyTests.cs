using Npgsql;
using Scim.Grains.Interfaces.Errors;
using Scim.Grains.Interfaces.Resources;
using Scim.Grains.Tests.Storage;
using Xunit.Abstractions;

namespace Scim.Grains.Tests.Grains;

/// <summary>Concurrent hierarchy moves and membership changes on two silos, in memory and on PostgreSQL.</summary>
[Collection(ClusterCollection.Name)]
public sealed class GroupConcurrencyTests(ClusterFixture fixture, ITestOutputHelper output)
{
    private static readonly RenderOptions Render = new("http://test/scim/v2/t");

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task TwoHundredConcurrentMoves_OverFiftyGroups_OnTwoSilos_LeaveOneTree_InMemory(int seed)
    {
        var outcome = await HierarchyRace.RunAsync(fixture.Cluster.GrainFactory, "tree-" + Guid.NewGuid().ToString("N")[..8], 50, 200, seed);

        output.WriteLine($"moved {outcome.Moved}, refused as cycles {outcome.RefusedAsCycles}");
        Assert.Equal(200, outcome.Moved + outcome.RefusedAsCycles);
    }

    [Fact]
    public async Task TwoHundredConcurrentMoves_OverFiftyGroups_OnTwoSilos_LeaveOneTree_Postgres()
    {
        await using var postgres = await PostgresCluster.StartAsync();

        var outcome = await HierarchyRace.RunAsync(postgres.Cluster.GrainFactory, "tree-" + Guid.NewGuid().ToString("N")[..8], 50, 200, seed: 7);

        output.WriteLine($"moved {outcome.Moved}, refused as cycles {outcome.RefusedAsCycles}");
        Assert.Equal(200, outcome.Moved + outcome.RefusedAsCycles);
    }

    [Fact]
    public async Task CrossingMoves_OnTwoSilos_OneOfEachPairWins_InMemory() =>
        await HierarchyRace.CrossingMovesAsync(fixture.Cluster.GrainFactory, "cross-" + Guid.NewGuid().ToString("N")[..8], pairs: 200);

    [Fact]
    public async Task CrossingMoves_OnTwoSilos_OneOfEachPairWins_Postgres()
    {
        await using var postgres = await PostgresCluster.StartAsync();
        await HierarchyRace.CrossingMovesAsync(postgres.Cluster.GrainFactory, "cross-" + Guid.NewGuid().ToString("N")[..8], pairs: 200);
    }

    [Fact]
    public async Task UserDeletesRacingManualAndScimAdds_LeaveNoMembershipOfADeletedUser_Postgres()
    {
        await using var postgres = await PostgresCluster.StartAsync();
        var grains = postgres.Cluster.GrainFactory;
        var tenant = "race-" + Guid.NewGuid().ToString("N")[..8];
        var group = grains.GetGrain<IGroupGrain>(ResourceKeys.Of(tenant, Guid.NewGuid().ToString()));
        await group.CreateAsync("""{"displayName":"everyone"}""", Render);
        var users = new List<string>();
        for (var i = 0; i < 60; i++)
        {
            var id = Guid.NewGuid().ToString();
            await NewUsers.CreateAsync(grains, tenant, $$"""{"userName":"user{{i}}"}""", Render, id);
            users.Add(id);
        }

        await Task.WhenAll(users.SelectMany<string, Task>(user =>
        [
            Swallow404(grains.GetGrain<IUserGrain>(ResourceKeys.Of(tenant, user)).DeleteAsync(null)),
            Swallow404(group.AddManualMemberAsync(user)),
            group.PatchWithoutBodyAsync(new PatchRequest([new PatchOperation("add", "members", $$"""[{"value":"{{user}}"}]""")]), null),
        ]));

        // Unknown ids are tolerated as SCIM members (IdPs send them), so a SCIM add after a delete may stay; a manual add
        // needs the user, and either came first (the delete removed it) or failed.
        var listing = await group.ListMembersAsync(null, 1000);
        Assert.DoesNotContain(listing.Members, m => m.UserName is not null);
        Assert.All(listing.Members, m => Assert.Equal([Interfaces.Groups.MembershipSource.Scim], m.Sources));
    }

    [Fact]
    public async Task AUserDeletedWhileAManualAddOfItWaits_WaitsForTheAdd_AndTakesTheNewMembershipWithIt_Postgres()
    {
        await using var postgres = await PostgresCluster.StartAsync();
        var grains = postgres.Cluster.GrainFactory;
        var tenant = "lock-" + Guid.NewGuid().ToString("N")[..8];
        var groupId = Guid.NewGuid().ToString();
        var group = grains.GetGrain<IGroupGrain>(ResourceKeys.Of(tenant, groupId));
        await group.CreateAsync("""{"displayName":"everyone"}""", Render);
        var userId = Guid.NewGuid().ToString();
        await NewUsers.CreateAsync(grains, tenant, """{"userName":"leaver"}""", Render, userId);

        // An uncommitted row of the same membership holds the add after it checked and locked the user, before it writes.
        await using var connection = new NpgsqlConnection(postgres.Database.ConnectionString);
        await connection.OpenAsync();
        await using var holder = await connection.BeginTransactionAsync();
        await using (var insert = new NpgsqlCommand("INSERT INTO scim_memberships (tenant, group_id, member_id, source) VALUES ($1, $2, $3, 'manual')",
            connection, holder) { Parameters = { new() { Value = tenant }, new() { Value = groupId }, new() { Value = userId } } })
        {
            await insert.ExecuteNonQueryAsync();
        }
        await using var watcher = NpgsqlDataSource.Create(postgres.Database.ConnectionString);
        var add = group.AddManualMemberAsync(userId);
        await PostgresLocks.WaitUntilBlockedAsync(watcher, expected: 1);
        var delete = grains.GetGrain<IUserGrain>(ResourceKeys.Of(tenant, userId)).DeleteAsync(null);
        await PostgresLocks.WaitUntilBlockedAsync(watcher, expected: 2);
        Assert.False(delete.IsCompleted);

        await holder.RollbackAsync();
        await add;
        await delete;

        Assert.Empty((await group.ListMembersAsync(null, 10)).Members);
    }

    private static async Task Swallow404(Task call)
    {
        try
        {
            await call;
        }
        catch (ScimException e) when (e.Status == 404)
        {
        }
    }
}
