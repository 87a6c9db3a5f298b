using System.Net;
using Scim.Api.Tests.Infrastructure;

namespace Scim.Api.Tests.Endpoints;

/// <remarks>Runs once per storage backend: see the nested classes at the end.</remarks>
public abstract class SearchEndpointsTests(ScimApiFactory factory)
{
    private const string SearchSchema = "\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:SearchRequest\"]";

    private static IEnumerable<string> Names(ScimResponse response, string attribute) =>
        response.Resources.Select(r => r![attribute]!.GetValue<string>());

    [Fact]
    public async Task SearchUsers_TakesTheListParametersFromTheBody()
    {
        var scim = await factory.NewTenantAsync();
        foreach (var name in new[] { "s-c", "s-a", "other", "s-b" }) await scim.CreateUserAsync(name, ",\"title\":\"T\"");

        var response = await scim.PostAsync("/Users/.search", $$"""
            { {{SearchSchema}}, "filter": "userName sw \"s-\"", "sortBy": "userName", "sortOrder": "descending",
              "startIndex": 2, "count": 2, "attributes": ["userName"] }
            """);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(3, response.TotalResults);
        Assert.Equal(["s-b", "s-a"], Names(response, "userName"));
        Assert.All(response.Resources, r => Assert.Null(r!["title"]));
    }

    [Fact]
    public async Task SearchGroups_ExcludedAttributesMembers_LeavesMembersOut()
    {
        var scim = await factory.NewTenantAsync();
        var user = await scim.CreateUserAsync("member");
        await scim.CreateGroupAsync("With members", $$"""[{"value":"{{user}}"}]""");

        var response = await scim.PostAsync("/Groups/.search", $$"""{ {{SearchSchema}}, "excludedAttributes": ["members"] }""");

        Assert.Equal(1, response.TotalResults);
        Assert.Null(response.Resources[0]!["members"]);
        Assert.Equal("With members", response.Resources[0]!["displayName"]!.GetValue<string>());
    }

    [Fact]
    public async Task SearchAtTheRoot_ReturnsUsersThenGroups_AndAppliesTheFilterToEachType()
    {
        var scim = await factory.NewTenantAsync();
        var user = await scim.CreateUserAsync("root-user", ",\"displayName\":\"Team Lead\"");
        await scim.CreateUserAsync("root-other");
        var group = await scim.CreateGroupAsync("Team Alpha", $$"""[{"value":"{{user}}"}]""");
        await scim.CreateGroupAsync("Others");

        var all = await scim.PostAsync("/.search", $$"""{ {{SearchSchema}} }""");
        var team = await scim.PostAsync("/.search", $$"""{ {{SearchSchema}}, "filter": "displayName sw \"team\"" }""");
        var usersOnly = await scim.PostAsync("/.search", $$"""{ {{SearchSchema}}, "filter": "userName eq \"root-user\"" }""");
        var groupsOnly = await scim.PostAsync("/.search", $$"""{ {{SearchSchema}}, "filter": "members.value eq \"{{user}}\"" }""");
        var secondPage = await scim.PostAsync("/.search", $$"""{ {{SearchSchema}}, "startIndex": 2, "count": 2 }""");

        Assert.Equal(4, all.TotalResults);
        Assert.Equal(["User", "User", "Group", "Group"], all.Resources.Select(r => r!["meta"]!["resourceType"]!.GetValue<string>()));
        Assert.Equal(2, team.TotalResults);
        Assert.Equal([user, group], team.Resources.Select(r => r!["id"]!.GetValue<string>()));
        Assert.Equal([user], usersOnly.Resources.Select(r => r!["id"]!.GetValue<string>()));
        Assert.Equal([group], groupsOnly.Resources.Select(r => r!["id"]!.GetValue<string>()));
        Assert.Equal(4, secondPage.TotalResults);
        Assert.Equal(["User", "Group"], secondPage.Resources.Select(r => r!["meta"]!["resourceType"]!.GetValue<string>()));
    }

    [Fact]
    public async Task SearchAtTheRoot_SortBy_MergesTheTypes()
    {
        var scim = await factory.NewTenantAsync();
        await scim.CreateUserAsync("u1", ",\"displayName\":\"Bravo\"");
        await scim.CreateUserAsync("u2", ",\"displayName\":\"delta\"");
        await scim.CreateGroupAsync("alpha");
        await scim.CreateGroupAsync("Charlie");

        var response = await scim.PostAsync("/.search", $$"""{ {{SearchSchema}}, "sortBy": "displayName" }""");

        Assert.Equal(["alpha", "Bravo", "Charlie", "delta"], Names(response, "displayName"));
    }

    [Theory]
    [InlineData("/Users/.search", """{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"]}""", "invalidSyntax")]
    [InlineData("/Users/.search", """{"count":"ten"}""", "invalidValue")]
    [InlineData("/Users/.search", """{"filter":"nosuch eq 1"}""", "invalidFilter")]
    [InlineData("/.search", """{"filter":"nosuch eq 1"}""", "invalidFilter")]
    [InlineData("/.search", """{"sortBy":"nosuch"}""", "invalidValue")]
    [InlineData("/Groups/.search", "[1,2]", "invalidSyntax")]
    public async Task Search_BadBody_Returns400(string path, string body, string scimType)
    {
        var scim = await factory.NewTenantAsync();

        (await scim.PostAsync(path, body)).AssertError(HttpStatusCode.BadRequest, scimType);
    }

    [Collection(InMemoryCollection.Name)]
    public sealed class InMemory(InMemoryApiFactory factory) : SearchEndpointsTests(factory);

    [Collection(PostgresCollection.Name)]
    public sealed class Postgres(PostgresApiFactory factory) : SearchEndpointsTests(factory);
}
