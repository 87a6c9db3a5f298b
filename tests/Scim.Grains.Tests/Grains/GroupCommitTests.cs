using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;
using Scim.Grains.Interfaces.Errors;
using Scim.Grains.Interfaces.Resources;
using Scim.Grains.Storage;

namespace Scim.Grains.Tests.Grains;

/// <summary>
/// Group commit: body-less PATCHes that reach a group while its previous write commits are written together, each
/// still answered with its own outcome and version, as if they had run one after the other. Two silos, a store whose
/// commits take 50 ms.
/// </summary>
public sealed class GroupCommitTests : IAsyncLifetime
{
    private static readonly (IResourceStore Store, InMemoryResourceStore Inner, SlowCommitStore Counter) Slow = SlowCommitStore.Create();
    private static readonly RenderOptions Render = new("http://test/scim/v2/t");
    private readonly TestCluster cluster = new TestClusterBuilder(2).AddSiloBuilderConfigurator<SiloConfigurator>().Build();
    private readonly string tenant = "commit-" + Guid.NewGuid().ToString("N")[..8];

    public Task InitializeAsync() => cluster.DeployAsync();

    public async Task DisposeAsync() => await cluster.DisposeAsync();

    private IGrainFactory Grains => cluster.GrainFactory;

    [Fact]
    public async Task ThirtyConcurrentMemberAdds_AreWrittenInAFewCommits_EachWithItsOwnVersion()
    {
        var group = await NewGroupAsync();
        var before = Slow.Counter.Updates;

        var answers = await Task.WhenAll(Enumerable.Range(0, 30).Select(i => group.PatchWithoutBodyAsync(AddMember($"m{i}"), null)));

        var commits = Slow.Counter.Updates - before;
        Assert.InRange(commits, 1, 5);
        Assert.Equal(Enumerable.Range(2, 30).Select(v => (long)v), answers.Select(a => a.Version).Order());
        Assert.Equal(31, (await group.GetAsync(Render, null)).Version);
        Assert.Equal(30, (await group.ListMembersAsync(null, 100)).Members.Count);
    }

    [Fact]
    public async Task InAQueue_AnInvalidPatchAndAMismatchedIfMatch_FailAlone_AndTheOthersAreWritten()
    {
        var group = await NewGroupAsync();
        var blocker = group.PatchWithoutBodyAsync(AddMember("first"), null);

        var valid = Enumerable.Range(0, 10).Select(i => group.PatchWithoutBodyAsync(AddMember($"m{i}"), null)).ToList();
        var invalid = group.PatchWithoutBodyAsync(new PatchRequest([new PatchOperation("add", "members[value eq \"x\"]", """[{"value":"y"}]""")]), null);
        // No version of the group is 0: whenever this one is taken from the queue, its If-Match does not match.
        var mismatched = group.PatchWithoutBodyAsync(AddMember("mismatched"), "W/\"0\"");
        await blocker;
        await Task.WhenAll(valid);

        Assert.Equal(ScimType.InvalidPath, (await Assert.ThrowsAsync<ScimException>(() => invalid)).ScimType);
        Assert.Equal(412, (await Assert.ThrowsAsync<ScimException>(() => mismatched)).Status);
        var members = (await group.ListMembersAsync(null, 100)).Members.Select(m => m.UserId).ToHashSet();
        Assert.Equal(11, members.Count);
        Assert.DoesNotContain("mismatched", members);
    }

    [Fact]
    public async Task WhenTheStoreRefusesTheCommonWrite_EachPatchIsWrittenAlone_AndOnlyTheOneAtFaultFails()
    {
        var group = await NewGroupAsync();
        var other = await NewGroupAsync();
        var blocker = group.PatchWithoutBodyAsync(AddMember("first"), null);

        var valid = Enumerable.Range(0, 10).Select(i => group.PatchWithoutBodyAsync(AddMember($"m{i}"), null)).ToList();
        // The store, not the PATCH engine, knows that this id is a group's.
        var groupAsMember = group.PatchWithoutBodyAsync(AddMember(other.GetPrimaryKeyString().Split('/')[1]), null);
        await blocker;
        await Task.WhenAll(valid);

        Assert.Equal(ScimType.InvalidValue, (await Assert.ThrowsAsync<ScimException>(() => groupAsMember)).ScimType);
        Assert.Equal(11, (await group.ListMembersAsync(null, 100)).Members.Count);
        Assert.Equal(12, (await group.GetAsync(Render, null)).Version);
    }

    [Fact]
    public async Task APutWaitsForTheCommitInProgress_AndQueuedPatchesApplyAfterIt()
    {
        var group = await NewGroupAsync();
        var patches = Enumerable.Range(0, 5).Select(i => group.PatchWithoutBodyAsync(AddMember($"m{i}"), null)).ToList();
        var put = group.ReplaceAsync("""{"displayName":"renamed","members":[]}""", null, Render);
        await Task.WhenAll(patches);
        var replaced = await put;

        var read = await group.GetAsync(Render, null);
        Assert.Contains("\"displayName\":\"renamed\"", read.Json);
        Assert.True(read.Version >= replaced.Version);
        // Each add was written before or after the PUT emptied the members: never half of one.
        var members = (await group.ListMembersAsync(null, 100)).Members.Count;
        Assert.InRange(members, 0, 5);
    }

    private async Task<IGroupGrain> NewGroupAsync()
    {
        var group = Grains.GetGrain<IGroupGrain>(ResourceKeys.Of(tenant, Guid.NewGuid().ToString()));
        await group.CreateAsync($$"""{"displayName":"group {{Guid.NewGuid():N}}"}""", Render);
        return group;
    }

    private static PatchRequest AddMember(string id) => new([new PatchOperation("add", "members", $$"""[{"value":"{{id}}"}]""")]);

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder silo)
        {
            silo.Services.AddSingleton(Slow.Store);
            silo.Services.AddSingleton<IMembershipStore>(Slow.Inner);
            silo.Services.AddSingleton<IGroupTreeStore>(Slow.Inner);
            silo.AddScimInMemoryStorage();
        }
    }
}
