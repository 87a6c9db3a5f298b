using System.Net;
using Scim.Api.Tests.Infrastructure;
using static Scim.Api.Tests.Infrastructure.ScimMessages;

namespace Scim.Api.Tests.Endpoints;

/// <remarks>Runs once per storage backend: see the nested classes at the end.</remarks>
public abstract class GroupEndpointsTests(ScimApiFactory factory)
{
    private static IEnumerable<string> MemberIds(ScimResponse group) =>
        group.Body!["members"]?.AsArray().Select(m => m!["value"]!.GetValue<string>()).Order() ?? Enumerable.Empty<string>();

    [Fact]
    public async Task Post_WithMembers_ReturnsThemWithRefAndType()
    {
        var scim = await factory.NewTenantAsync();
        var user = await scim.CreateUserAsync("member-1");

        var created = await scim.PostAsync("/Groups", $$"""{"displayName":"Staff","members":[{"value":"{{user}}","display":"Member One"}]}""");

        Assert.Equal(HttpStatusCode.Created, created.Status);
        var member = Assert.Single(created.Body!["members"]!.AsArray())!;
        Assert.Equal(user, member["value"]!.GetValue<string>());
        Assert.Equal("User", member["type"]!.GetValue<string>());
        Assert.Equal("Member One", member["display"]!.GetValue<string>());
        Assert.EndsWith($"/Users/{user}", member["$ref"]!.GetValue<string>());
        Assert.Equal("Group", created.Body["meta"]!["resourceType"]!.GetValue<string>());
    }

    [Fact]
    public async Task Post_DuplicateDisplayName_Returns409Uniqueness()
    {
        var scim = await factory.NewTenantAsync();
        await scim.CreateGroupAsync("Admins");

        (await scim.PostAsync("/Groups", """{"displayName":"ADMINS"}""")).AssertError(HttpStatusCode.Conflict, "uniqueness");
    }

    /// <summary>Decided by <c>Rules/GroupMembersAreUsers</c> where member values are read, before either store.</summary>
    [Fact]
    public async Task Post_GroupAsMember_Returns400InvalidValue()
    {
        var scim = await factory.NewTenantAsync();
        var other = await scim.CreateGroupAsync("Inner");

        var response = await scim.PostAsync("/Groups", $$"""{"displayName":"Outer","members":[{"value":"{{other}}","type":"Group"}]}""");

        response.AssertError(HttpStatusCode.BadRequest, "invalidValue");
        Assert.Contains("platform", response.Body!["detail"]!.GetValue<string>());
    }

    /// <summary>Decided by <c>Rules/GroupMembersAreUsers</c> in memory; on PostgreSQL by the statement that locks the members (<c>PostgresResourceStore.LockMembersSql</c>).</summary>
    [Fact]
    public async Task AGroupIdAsMember_WithoutAType_Returns400InvalidValue_InEveryWrite()
    {
        var scim = await factory.NewTenantAsync();
        var inner = await scim.CreateGroupAsync("Inner");
        var outer = await scim.CreateGroupAsync("Outer");
        var nested = $$"""[{"value":"{{inner}}"}]""";

        var responses = new[]
        {
            await scim.PostAsync("/Groups", $$"""{"displayName":"Other","members":{{nested}}}"""),
            await scim.PutAsync($"/Groups/{outer}", $$"""{"displayName":"Outer","members":{{nested}}}"""),
            await scim.PatchAsync($"/Groups/{outer}", Patch($$"""[{"op":"add","path":"members","value":{{nested}}}]""")),
            await scim.PatchAsync($"/Groups/{outer}", Patch($$"""[{"op":"add","path":"members","value":[{"value":"{{outer}}"}]}]""")),
        };

        Assert.All(responses, r => r.AssertError(HttpStatusCode.BadRequest, "invalidValue"));
        Assert.All(responses, r => Assert.Contains("nesting is managed in the platform", r.Body!["detail"]!.GetValue<string>()));
        Assert.Null((await scim.GetAsync($"/Groups/{outer}")).Body!["members"]);
        Assert.Equal(0, (await scim.GetAsync("/Groups?filter=displayName eq \"Other\"")).TotalResults);
    }

    [Fact]
    public async Task Patch_AddAndRemoveMembers_ChangesOnlyThoseNamed()
    {
        var scim = await factory.NewTenantAsync();
        var (a, b, c) = (await scim.CreateUserAsync("a"), await scim.CreateUserAsync("b"), await scim.CreateUserAsync("c"));
        var group = await scim.CreateGroupAsync("Team", $$"""[{"value":"{{a}}"},{"value":"{{b}}"}]""");

        var added = await scim.PatchAsync($"/Groups/{group}", Patch($$"""[{"op":"add","path":"members","value":[{"value":"{{c}}"}]}]"""));
        var removed = await scim.PatchAsync($"/Groups/{group}", Patch($$"""[{"op":"remove","path":"members[value eq \"{{a}}\"]"}]"""));

        Assert.Equal(new[] { a, b, c }.Order(), MemberIds(added));
        Assert.Equal(new[] { b, c }.Order(), MemberIds(removed));
    }

    [Fact]
    public async Task Patch_ReplaceMembers_SetsExactlyTheGivenOnes()
    {
        var scim = await factory.NewTenantAsync();
        var (a, b) = (await scim.CreateUserAsync("a"), await scim.CreateUserAsync("b"));
        var group = await scim.CreateGroupAsync("Replace", $$"""[{"value":"{{a}}"}]""");

        var replaced = await scim.PatchAsync($"/Groups/{group}", Patch($$"""[{"op":"replace","path":"members","value":[{"value":"{{b}}"}]}]"""));
        var emptied = await scim.PatchAsync($"/Groups/{group}", Patch("""[{"op":"replace","path":"members","value":[]}]"""));

        Assert.Equal([b], MemberIds(replaced));
        Assert.Empty(MemberIds(emptied));
    }

    [Fact]
    public async Task Patch_RemoveAllMembers_EmptiesTheGroup()
    {
        var scim = await factory.NewTenantAsync();
        var a = await scim.CreateUserAsync("a");
        var group = await scim.CreateGroupAsync("Clear", $$"""[{"value":"{{a}}"}]""");

        var response = await scim.PatchAsync($"/Groups/{group}", Patch("""[{"op":"remove","path":"members"}]"""));

        Assert.Null(response.Body!["members"]);
    }

    [Fact]
    public async Task Patch_MemberFilterOtherThanValueEq_Returns400()
    {
        var scim = await factory.NewTenantAsync();
        var group = await scim.CreateGroupAsync("Filtered");

        var response = await scim.PatchAsync($"/Groups/{group}", Patch("""[{"op":"remove","path":"members[display eq \"x\"]"}]"""));

        response.AssertError(HttpStatusCode.BadRequest, "invalidFilter");
    }

    [Fact]
    public async Task Put_ReplacesDisplayNameAndMembers()
    {
        var scim = await factory.NewTenantAsync();
        var (a, b) = (await scim.CreateUserAsync("a"), await scim.CreateUserAsync("b"));
        var group = await scim.CreateGroupAsync("Before", $$"""[{"value":"{{a}}"}]""");

        var response = await scim.PutAsync($"/Groups/{group}", $$"""{"displayName":"After","members":[{"value":"{{b}}"}]}""");

        Assert.Equal("After", response.Body!["displayName"]!.GetValue<string>());
        Assert.Equal([b], MemberIds(response));
    }

    [Fact]
    public async Task Get_ExcludedAttributesMembers_OmitsMembers()
    {
        var scim = await factory.NewTenantAsync();
        var a = await scim.CreateUserAsync("a");
        var group = await scim.CreateGroupAsync("Big", $$"""[{"value":"{{a}}"}]""");

        var response = await scim.GetAsync($"/Groups/{group}?excludedAttributes=members");
        var listed = await scim.GetAsync("/Groups?excludedAttributes=members&filter=" + Uri.EscapeDataString("displayName eq \"big\""));

        Assert.Null(response.Body!["members"]);
        Assert.Equal("Big", response.Body["displayName"]!.GetValue<string>());
        Assert.Null(Assert.Single(listed.Resources)!["members"]);
    }

    [Fact]
    public async Task List_FilterOnMemberValue_FindsTheUsersGroups()
    {
        var scim = await factory.NewTenantAsync();
        var a = await scim.CreateUserAsync("a");
        var group = await scim.CreateGroupAsync("WithA", $$"""[{"value":"{{a}}"}]""");
        await scim.CreateGroupAsync("WithoutA");

        var response = await scim.GetAsync("/Groups?filter=" + Uri.EscapeDataString($"members.value eq \"{a}\""));

        Assert.Equal(group, Assert.Single(response.Resources)!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task DeleteUser_RemovesItsMemberships()
    {
        var scim = await factory.NewTenantAsync();
        var (a, b) = (await scim.CreateUserAsync("a"), await scim.CreateUserAsync("b"));
        var group = await scim.CreateGroupAsync("Leavers", $$"""[{"value":"{{a}}"},{"value":"{{b}}"}]""");

        await scim.DeleteAsync($"/Users/{a}");

        Assert.Equal([b], MemberIds(await scim.GetAsync($"/Groups/{group}")));
    }

    [Fact]
    public async Task DeleteGroup_ThenGetIs404_AndNameIsFreeAgain()
    {
        var scim = await factory.NewTenantAsync();
        var group = await scim.CreateGroupAsync("Temp");

        Assert.Equal(HttpStatusCode.NoContent, (await scim.DeleteAsync($"/Groups/{group}")).Status);
        (await scim.GetAsync($"/Groups/{group}")).AssertError(HttpStatusCode.NotFound, null);
        await scim.CreateGroupAsync("Temp");
    }

    [Collection(InMemoryCollection.Name)]
    public sealed class InMemory(InMemoryApiFactory factory) : GroupEndpointsTests(factory);

    [Collection(PostgresCollection.Name)]
    public sealed class Postgres(PostgresApiFactory factory) : GroupEndpointsTests(factory);
}
