using Scim.Grains.Documents;
using Scim.Grains.Interfaces.Errors;
using Scim.Grains.Interfaces.Resources;

namespace Scim.Grains.Tests.Grains;

[Collection(ClusterCollection.Name)]
public sealed class ResourceGrainTests(ClusterFixture fixture)
{
    private static readonly RenderOptions Render = new("http://test/scim/v2/t");

    private IGrainFactory Grains => fixture.Cluster.GrainFactory;

    private static string NewTenant() => "g-" + Guid.NewGuid().ToString("N")[..10];

    private IUserGrain User(string tenant, string? id = null) => Grains.GetGrain<IUserGrain>(ResourceKeys.Of(tenant, id ?? Guid.NewGuid().ToString()));

    private IGroupGrain Group(string tenant) => Grains.GetGrain<IGroupGrain>(ResourceKeys.Of(tenant, Guid.NewGuid().ToString()));

    [Fact]
    public async Task Create_ThenGet_FromAnotherReference_ReturnsTheSameVersion()
    {
        var tenant = NewTenant();
        var id = Guid.NewGuid().ToString();
        var (_, created) = await NewUsers.CreateAsync(Grains, tenant, """{"userName":"grain-user"}""", Render, id);

        var read = await User(tenant, id).GetAsync(Render, null);

        Assert.Equal(created.Version, read.Version);
        Assert.Contains("\"userName\":\"grain-user\"", read.Json);
    }

    [Fact]
    public async Task ConditionalGet_WithTheCurrentTag_RendersNothing_WithAnOldTag_RendersTheResource()
    {
        var (user, created) = await NewUsers.CreateAsync(Grains, NewTenant(), """{"userName":"tagged"}""", Render);

        var unchanged = await user.GetAsync(Render, $"W/\"0\", {created.ETag}");
        var changed = await user.GetAsync(Render, "W/\"0\"");

        Assert.True(unchanged.NotModified);
        Assert.Equal((created.ETag, ""), (unchanged.ETag, unchanged.Json));
        Assert.False(changed.NotModified);
        Assert.Contains("tagged", changed.Json);
    }

    /// <summary><c>Rules/UniqueNames</c> under a race on two silos, held by the in-memory store's lock.</summary>
    [Fact]
    public async Task ConcurrentCreatesOfOneUserName_OnTwoSilos_ExactlyOneWins()
    {
        var tenant = NewTenant();
        var attempts = Enumerable.Range(0, 20)
            .Select(i => NewUsers.CreateAsync(Grains, tenant, $$"""{"userName":"{{(i % 2 == 0 ? "Same" : "SAME")}}"}""", Render))
            .Select(async task =>
            {
                try { await task; return null; }
                catch (ScimException e) { return e; }
            });

        var outcomes = await Task.WhenAll(attempts);

        Assert.Single(outcomes, o => o is null);
        Assert.All(outcomes.OfType<ScimException>(), e => Assert.Equal(ScimType.Uniqueness, e.ScimType));
    }

    [Fact]
    public async Task PatchWithoutBody_WritesAndReturnsTheVersionAndItsTag()
    {
        var tenant = NewTenant();
        var group = Group(tenant);
        await group.CreateAsync("""{"displayName":"quiet"}""", Render);

        var written = await group.PatchWithoutBodyAsync(new PatchRequest([new PatchOperation("add", "members", """[{"value":"m1"}]""")]), null);

        Assert.Equal(new ResourceVersion(2, "W/\"2\""), written);
        Assert.Contains("\"m1\"", (await group.GetAsync(Render, null)).Json);
    }

    private static readonly PatchRequest Title = new([new PatchOperation("replace", "title", "\"Boss\"")]);

    [Fact]
    public async Task WriteAfterAConcurrentChange_Fails409ThenTheGrainRereadsAndTheNextWriteSucceeds()
    {
        // A user's activation ends after its create; a read brings one back that holds version 1.
        var user = await UserChangedBehindItsGrainAsync(readFirst: true);

        var conflict = await Assert.ThrowsAsync<ScimException>(() => user.PatchAsync(Title, null, Render));
        var retried = await user.PatchAsync(Title, null, Render);

        Assert.Equal(409, conflict.Status);
        Assert.Equal(3, retried.Version);
    }

    [Fact]
    public async Task AfterACreate_TheUsersActivationEnds_SoTheNextCallReadsTheStore()
    {
        var user = await UserChangedBehindItsGrainAsync(readFirst: false);

        // An activation that had kept the created row would answer 409 here (see the test above).
        var patched = await user.PatchAsync(Title, null, Render);

        Assert.Equal(3, patched.Version);
    }

    /// <summary>A user created at version 1, then written at version 2 in the store, behind its grain's back.</summary>
    private async Task<IUserGrain> UserChangedBehindItsGrainAsync(bool readFirst)
    {
        var tenant = NewTenant();
        var id = Guid.NewGuid().ToString();
        var (user, _) = await NewUsers.CreateAsync(Grains, tenant, """{"userName":"behind"}""", Render, id);
        if (readFirst) await user.GetAsync(Render, null);
        var row = (await fixture.Store.GetAsync(tenant, ResourceKind.User, id, CancellationToken.None))!;
        await fixture.Store.UpdateAsync(row with { Version = 2 }, 1, MembershipChange.None, CancellationToken.None);
        return user;
    }

    [Fact]
    public async Task FiftyConcurrentMemberAdds_LoseNone()
    {
        var tenant = NewTenant();
        var group = Group(tenant);
        await group.CreateAsync("""{"displayName":"crowd"}""", Render);
        var ids = Enumerable.Range(0, 50).Select(_ => Guid.NewGuid().ToString()).ToList();

        await Task.WhenAll(ids.Select(id => group.PatchAsync(
            new PatchRequest([new PatchOperation("add", "members", $$"""[{"value":"{{id}}"}]""")]), null, Render)));
        var snapshot = await group.GetAsync(Render, null);

        Assert.Equal(51, snapshot.Version);
        Assert.All(ids, id => Assert.Contains(id, snapshot.Json));
    }

    [Fact]
    public async Task FailedPatch_LeavesStateAndVersionUnchanged()
    {
        var tenant = NewTenant();
        var (user, _) = await NewUsers.CreateAsync(Grains, tenant, """{"userName":"atomic","title":"before"}""", Render);

        await Assert.ThrowsAsync<ScimException>(() => user.PatchAsync(new PatchRequest(
        [
            new PatchOperation("replace", "title", "\"after\""),
            new PatchOperation("replace", "nosuch", "1"),
        ]), null, Render));
        var snapshot = await user.GetAsync(Render, null);

        Assert.Equal(1, snapshot.Version);
        Assert.Contains("\"title\":\"before\"", snapshot.Json);
    }

    [Fact]
    public async Task APatchThatChangesNothing_KeepsTheVersion_AndOneThatDoes_WritesTheNext()
    {
        var (user, _) = await NewUsers.CreateAsync(Grains, NewTenant(),
            """{"userName":"steady","title":"Teacher","emails":[{"value":"s@example.com","type":"work","primary":true}]}""", Render);

        var same = await user.PatchAsync(new PatchRequest(
        [
            new PatchOperation("replace", "title", "\"Teacher\""),
            new PatchOperation("replace", null, """{"emails":[{"value":"s@example.com","type":"work","primary":true}]}"""),
        ]), null, Render);
        var changed = await user.PatchAsync(new PatchRequest([new PatchOperation("replace", "title", "\"Head teacher\"")]), null, Render);
        var dropped = await user.PatchAsync(new PatchRequest([new PatchOperation("remove", "title", null)]), null, Render);

        Assert.Equal(1, same.Version);
        Assert.Equal(2, changed.Version);
        Assert.Contains("\"title\":\"Head teacher\"", changed.Json);
        Assert.Equal(3, dropped.Version);
        Assert.DoesNotContain("title", dropped.Json);
    }

    [Fact]
    public async Task DeletingAUser_RemovesItFromItsGroups()
    {
        var tenant = NewTenant();
        var userId = Guid.NewGuid().ToString();
        await NewUsers.CreateAsync(Grains, tenant, """{"userName":"leaver"}""", Render, userId);
        var group = Group(tenant);
        await group.CreateAsync($$"""{"displayName":"g","members":[{"value":"{{userId}}"}]}""", Render);

        await User(tenant, userId).DeleteAsync(null);

        Assert.DoesNotContain(userId, (await group.GetAsync(Render, null)).Json);
        Assert.Equal(404, (await Assert.ThrowsAsync<ScimException>(() => User(tenant, userId).GetAsync(Render, null))).Status);
    }

    [Fact]
    public async Task UsersReadOnEitherSilo_ShowAMembershipAddedThroughEitherSilo_OnTheNextRead()
    {
        var tenant = NewTenant();
        var ids = Enumerable.Range(0, 12).Select(_ => Guid.NewGuid().ToString()).ToList();
        foreach (var id in ids) await NewUsers.CreateAsync(Grains, tenant, $$"""{"userName":"{{id}}"}""", Render, id);
        var groups = Enumerable.Range(0, 4).Select(_ => Group(tenant)).ToList();
        for (var i = 0; i < groups.Count; i++) await groups[i].CreateAsync($$"""{"displayName":"g{{i}}"}""", Render);
        foreach (var id in ids) Assert.DoesNotContain("\"groups\"", (await User(tenant, id).GetAsync(Render, null)).Json);

        for (var i = 0; i < ids.Count; i++)
        {
            var add = new PatchOperation("add", "members", $$"""[{"value":"{{ids[i]}}"}]""");
            await groups[i % groups.Count].PatchWithoutBodyAsync(new PatchRequest([add]), null);
        }

        Assert.True(fixture.Cluster.GetActiveSilos().Count() > 1);
        for (var i = 0; i < ids.Count; i++)
            Assert.Contains((await groups[i % groups.Count].GetAsync(Render, null)).Id, (await User(tenant, ids[i]).GetAsync(Render, null)).Json);
    }

    [Fact]
    public async Task Query_FindsUsersWrittenThroughEitherSilo()
    {
        var tenant = NewTenant();
        await Task.WhenAll(Enumerable.Range(0, 10).Select(i => NewUsers.CreateAsync(Grains, tenant, $$"""{"userName":"q{{i}}","active":{{(i % 2 == 0 ? "true" : "false")}}}""", Render)));

        var result = await Grains.GetGrain<IQueryGrain>(tenant).ListAsync(ResourceKind.User, new ListQuery("active eq true", 1, 100), Render);

        Assert.Equal(5, result.TotalResults);
    }
}
