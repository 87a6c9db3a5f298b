using System.Net;
using System.Text.Json.Nodes;
using Scim.Api.Tests.Infrastructure;

namespace Scim.Api.Tests.Endpoints;

/// <summary>
/// User.groups (RFC 7643 §4.1.2, readOnly): "direct" for the groups the user is a member of, from either source;
/// "indirect" for their ancestors in the platform's tree. Filterable.
/// </summary>
/// <remarks>Runs once per storage backend: see the nested classes at the end.</remarks>
public abstract class UserGroupsTests(ScimApiFactory factory)
{
    private static Dictionary<string, string> GroupsOf(JsonNode user) =>
        user["groups"]?.AsArray().ToDictionary(g => g!["value"]!.GetValue<string>(), g => g!["type"]!.GetValue<string>()) ?? [];

    [Fact]
    public async Task Groups_ListDirectMembershipsOfBothSources_AndAncestorsAsIndirect()
    {
        var scim = await factory.NewTenantAsync();
        var admin = factory.GroupAdmin(scim.Tenant);
        var user = await scim.CreateUserAsync("learner");
        var (company, dept, team, club) = (await scim.CreateGroupAsync("Company"), await scim.CreateGroupAsync("Dept"),
            await scim.CreateGroupAsync("Team", $$"""[{"value":"{{user}}"}]"""), await scim.CreateGroupAsync("Club"));
        await admin.MoveAsync(dept, company);
        await admin.MoveAsync(team, dept);
        await admin.AddManualMemberAsync(club, user);

        var read = await scim.GetAsync($"/Users/{user}");

        Assert.Equal(new Dictionary<string, string> { [team] = "direct", [club] = "direct", [dept] = "indirect", [company] = "indirect" },
            GroupsOf(read.Body!));
        var teamEntry = read.Body!["groups"]!.AsArray().Single(g => g!["value"]!.GetValue<string>() == team)!;
        Assert.Equal("Team", teamEntry["display"]!.GetValue<string>());
        Assert.EndsWith($"/Groups/{team}", teamEntry["$ref"]!.GetValue<string>());
    }

    [Fact]
    public async Task Groups_InTheAnswerOfAUserWrite_ShowEachGroupChangeMadeSinceTheUserWasLastRead()
    {
        // The user's grain holds the groups it read; each write after a group change answers with the groups as they are.
        var scim = await factory.NewTenantAsync();
        var admin = factory.GroupAdmin(scim.Tenant);
        var user = await scim.CreateUserAsync("written");
        var (team, parent) = (await scim.CreateGroupAsync("Team"), await scim.CreateGroupAsync("Parent"));
        Assert.Null((await scim.GetAsync($"/Users/{user}")).Body!["groups"]);
        Task<ScimResponse> Patch(string title) =>
            scim.PatchAsync($"/Users/{user}", ScimMessages.Patch($$"""[{"op":"Replace","path":"title","value":"{{title}}"}]"""));

        await admin.AddManualMemberAsync(team, user);
        Assert.Equal([team], GroupsOf((await Patch("first")).Body!).Keys);

        await admin.MoveAsync(team, parent);
        var replaced = await scim.PutAsync($"/Users/{user}",
            """{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"written","title":"second"}""");
        Assert.Equal(new Dictionary<string, string> { [team] = "direct", [parent] = "indirect" }, GroupsOf(replaced.Body!));

        await admin.RemoveManualMemberAsync(team, user);
        Assert.Null((await Patch("third")).Body!["groups"]);
    }

    [Fact]
    public async Task Groups_AreDirectWhenAlsoReachedThroughADescendant()
    {
        var scim = await factory.NewTenantAsync();
        var admin = factory.GroupAdmin(scim.Tenant);
        var user = await scim.CreateUserAsync("u");
        var parent = await scim.CreateGroupAsync("Parent", $$"""[{"value":"{{user}}"}]""");
        var child = await scim.CreateGroupAsync("Child", $$"""[{"value":"{{user}}"}]""");
        await admin.MoveAsync(child, parent);

        Assert.Equal(new Dictionary<string, string> { [parent] = "direct", [child] = "direct" }, GroupsOf((await scim.GetAsync($"/Users/{user}")).Body!));
    }

    [Fact]
    public async Task Groups_FollowMovesRemovalsAndDeletes()
    {
        var scim = await factory.NewTenantAsync();
        var admin = factory.GroupAdmin(scim.Tenant);
        var user = await scim.CreateUserAsync("u");
        var (outer, inner) = (await scim.CreateGroupAsync("Outer"), await scim.CreateGroupAsync("Inner", $$"""[{"value":"{{user}}"}]"""));
        await admin.MoveAsync(inner, outer);
        Assert.Equal(2, GroupsOf((await scim.GetAsync($"/Users/{user}")).Body!).Count);

        await admin.MoveAsync(inner, null);
        Assert.Equal([inner], GroupsOf((await scim.GetAsync($"/Users/{user}")).Body!).Keys);

        await scim.DeleteAsync($"/Groups/{inner}");
        Assert.Null((await scim.GetAsync($"/Users/{user}")).Body!["groups"]);
    }

    [Fact]
    public async Task Groups_ReadAgainAfterEachKindOfGroupChange_ShowThatChange()
    {
        // A user's grain holds the groups it read: every change below must show on the very next read.
        var scim = await factory.NewTenantAsync("entra");
        var admin = factory.GroupAdmin(scim.Tenant);
        var user = await scim.CreateUserAsync("held");
        var (group, other) = (await scim.CreateGroupAsync("Before"), await scim.CreateGroupAsync("Other"));
        async Task<JsonArray?> Groups() => (await scim.GetAsync($"/Users/{user}")).Body!["groups"]?.AsArray();
        Assert.Null(await Groups());

        // Entra's body-less member add (the group commit path).
        Assert.Equal(HttpStatusCode.NoContent, (await scim.PatchAsync($"/Groups/{group}",
            $$"""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"Add","path":"members","value":[{"value":"{{user}}"}]}]}""")).Status);
        Assert.Equal(group, Assert.Single((await Groups())!)!["value"]!.GetValue<string>());

        await scim.PatchAsync($"/Groups/{group}",
            """{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"Replace","path":"displayName","value":"After"}]}""");
        Assert.Equal("After", (await Groups())![0]!["display"]!.GetValue<string>());

        await admin.MoveAsync(group, other);
        Assert.Equal(2, (await Groups())!.Count);

        await scim.PutAsync($"/Groups/{group}", """{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"After","members":[]}""");
        Assert.Null(await Groups());

        await admin.AddManualMemberAsync(other, user);
        Assert.Equal(other, Assert.Single((await Groups())!)!["value"]!.GetValue<string>());

        await admin.RemoveManualMemberAsync(other, user);
        Assert.Null(await Groups());

        var created = await scim.CreateGroupAsync("Created", $$"""[{"value":"{{user}}"}]""");
        Assert.Equal(created, Assert.Single((await Groups())!)!["value"]!.GetValue<string>());

        await scim.DeleteAsync($"/Groups/{created}");
        Assert.Null(await Groups());
    }

    [Fact]
    public async Task Groups_AppearInListsAndHonourProjection()
    {
        var scim = await factory.NewTenantAsync();
        var (member, loner) = (await scim.CreateUserAsync("member"), await scim.CreateUserAsync("loner"));
        var group = await scim.CreateGroupAsync("G", $$"""[{"value":"{{member}}"}]""");

        var list = await scim.GetAsync("/Users?sortBy=userName");
        Assert.Equal(["loner", "member"], list.Resources.Select(r => r!["userName"]!.GetValue<string>()));
        Assert.Null(list.Resources[0]!["groups"]);
        Assert.Equal([group], GroupsOf(list.Resources[1]!).Keys);
        Assert.Null((await scim.GetAsync($"/Users/{member}?excludedAttributes=groups")).Body!["groups"]);
        var only = (await scim.GetAsync($"/Users/{member}?attributes=groups.display")).Body!;
        Assert.Equal("G", only["groups"]![0]!["display"]!.GetValue<string>());
        Assert.Null(only["userName"]);
        Assert.Null((await scim.GetAsync($"/Users/{loner}")).Body!["groups"]);
    }

    [Fact]
    public async Task ALookupByUserName_ShowsTheUsersGroups_AndNoneForAUserInNone()
    {
        var scim = await factory.NewTenantAsync();
        var member = await scim.CreateUserAsync("looked-up");
        await scim.CreateUserAsync("looked-up-alone");
        var group = await scim.CreateGroupAsync("Looked up", $$"""[{"value":"{{member}}"}]""");

        async Task<JsonNode> LookUp(string userName) =>
            Assert.Single((await scim.GetAsync($"/Users?filter={Uri.EscapeDataString($"userName eq \"{userName}\"")}")).Resources)!;

        Assert.Equal(new Dictionary<string, string> { [group] = "direct" }, GroupsOf(await LookUp("looked-up")));
        Assert.Null((await LookUp("looked-up-alone"))["groups"]);
    }

    [Fact]
    public async Task GroupsInListAndCursorPages_AreTheUsersOwn_DirectAndIndirect()
    {
        var scim = await factory.NewTenantAsync();
        var admin = factory.GroupAdmin(scim.Tenant);
        var users = new List<string>();
        for (var i = 0; i < 5; i++) users.Add(await scim.CreateUserAsync($"paged-{i}"));
        var parent = await scim.CreateGroupAsync("Paged parent", $$"""[{"value":"{{users[1]}}"}]""");
        var child = await scim.CreateGroupAsync("Paged child", $$"""[{"value":"{{users[3]}}"},{"value":"{{users[1]}}"}]""");
        await admin.MoveAsync(child, parent);

        var byIndex = (await scim.GetAsync("/Users?startIndex=2&count=3")).Resources;
        var byCursor = (await scim.GetAsync("/Users?cursor&count=5")).Resources;

        foreach (var resource in byIndex.Concat(byCursor))
        {
            var own = (await scim.GetAsync($"/Users/{resource!["id"]!.GetValue<string>()}")).Body!;
            Assert.Equal(GroupsOf(own), GroupsOf(resource));
        }
        Assert.Equal(new Dictionary<string, string> { [parent] = "direct", [child] = "direct" }, GroupsOf(byIndex[0]!));
        Assert.Equal(new Dictionary<string, string> { [child] = "direct", [parent] = "indirect" }, GroupsOf(byIndex[2]!));
        Assert.Empty(GroupsOf(byCursor[4]!));
    }

    [Fact]
    public async Task FilterOnGroupsValue_FindsDirectAndIndirectMembers()
    {
        var scim = await factory.NewTenantAsync();
        var admin = factory.GroupAdmin(scim.Tenant);
        var (direct, nested, manual, outsider) = (await scim.CreateUserAsync("direct"), await scim.CreateUserAsync("nested"),
            await scim.CreateUserAsync("manual"), await scim.CreateUserAsync("outsider"));
        var parent = await scim.CreateGroupAsync("Parent", $$"""[{"value":"{{direct}}"}]""");
        var child = await scim.CreateGroupAsync("Child", $$"""[{"value":"{{nested}}"}]""");
        await scim.CreateGroupAsync("Elsewhere", $$"""[{"value":"{{outsider}}"}]""");
        await admin.MoveAsync(child, parent);
        await admin.AddManualMemberAsync(child, manual);

        async Task<IEnumerable<string>> Matching(string filter) =>
            (await scim.GetAsync($"/Users?filter={Uri.EscapeDataString(filter)}")).Resources.Select(r => r!["id"]!.GetValue<string>()).Order();

        Assert.Equal(new[] { direct, nested, manual }.Order(), await Matching($"groups.value eq \"{parent}\""));
        Assert.Equal(new[] { nested, manual }.Order(), await Matching($"groups.value eq \"{child}\""));
        Assert.Equal(new[] { direct }, await Matching($"groups[value eq \"{parent}\" and type eq \"direct\"]"));
        Assert.Equal(new[] { nested, manual }.Order(), await Matching($"groups.display eq \"Child\""));
        Assert.Equal(new[] { outsider }, await Matching($"groups pr and not (groups.value eq \"{parent}\")"));
    }

    [Fact]
    public async Task Groups_AreReadOnly_SentValuesAreIgnored()
    {
        var scim = await factory.NewTenantAsync();
        var group = await scim.CreateGroupAsync("G");

        var created = await scim.PostAsync("/Users", $$"""{"userName":"sneaky","groups":[{"value":"{{group}}"}]}""");

        Assert.Equal(HttpStatusCode.Created, created.Status);
        Assert.Null(created.Body!["groups"]);
        Assert.Null((await scim.GetAsync($"/Users/{created.Id}")).Body!["groups"]);
    }

    [Collection(InMemoryCollection.Name)]
    public sealed class InMemory(InMemoryApiFactory factory) : UserGroupsTests(factory);

    [Collection(PostgresCollection.Name)]
    public sealed class Postgres(PostgresApiFactory factory) : UserGroupsTests(factory);
}
