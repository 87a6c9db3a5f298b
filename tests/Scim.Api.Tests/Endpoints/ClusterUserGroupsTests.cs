using System.Net;
using System.Text.Json.Nodes;
using Scim.Api.Tests.Infrastructure;

namespace Scim.Api.Tests.Endpoints;

/// <summary>
/// User.groups in the production shape: two silo processes and an API process on PostgreSQL. Each silo holds the groups
/// its user grains read and hears of group changes from the tenant's announcer, which lives on one of them; with users
/// spread over both silos, every change must show on the next read of every member, whichever silo holds it.
/// </summary>
public sealed class ClusterUserGroupsTests
{
    private const string OperatorKey = "cluster-groups-operator-key-0123456789abcdef";

    [Fact]
    public async Task ThroughTheApiProcess_EveryGroupChange_ShowsOnTheNextReadOfEachMember_OnEitherSilo()
    {
        await using var cluster = await ProcessCluster.StartAsync(OperatorKey);
        var scim = await cluster.Clients.NewTenantAsync("entra");
        // Eight users: the chance that placement puts all of them beside the announcer is 1 in 256.
        var users = new List<string>();
        for (var i = 0; i < 8; i++) users.Add(await scim.CreateUserAsync($"member-{i}"));
        var group = await scim.CreateGroupAsync("Before");
        async Task<IEnumerable<JsonArray?>> GroupsOfEach() =>
            await Task.WhenAll(users.Select(async user => (await scim.GetAsync($"/Users/{user}")).Body!["groups"]?.AsArray()));
        // Read first, so that each user's grain holds the groups it read.
        Assert.All(await GroupsOfEach(), Assert.Null);

        var members = string.Join(",", users.Select(user => $$"""{"value":"{{user}}"}"""));
        Assert.Equal(HttpStatusCode.NoContent, (await scim.PatchAsync($"/Groups/{group}",
            ScimMessages.Patch($$"""[{"op":"Add","path":"members","value":[{{members}}]}]"""))).Status);
        Assert.All(await GroupsOfEach(), groups => Assert.Equal(group, Assert.Single(groups!)!["value"]!.GetValue<string>()));

        Assert.Equal(HttpStatusCode.NoContent, (await scim.PatchAsync($"/Groups/{group}",
            ScimMessages.Patch("""[{"op":"Replace","path":"displayName","value":"After"}]"""))).Status);
        Assert.All(await GroupsOfEach(), groups => Assert.Equal("After", groups![0]!["display"]!.GetValue<string>()));

        Assert.Equal(HttpStatusCode.NoContent, (await scim.DeleteAsync($"/Groups/{group}")).Status);
        Assert.All(await GroupsOfEach(), Assert.Null);
    }
}
