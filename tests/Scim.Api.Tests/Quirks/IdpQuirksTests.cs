using System.Net;
using Scim.Api.Tests.Infrastructure;
using static Scim.Api.Tests.Infrastructure.ScimMessages;

namespace Scim.Api.Tests.Quirks;

/// <summary>The deviations of docs/idp-deviations.md, each replayed with its request shape through HTTP.</summary>
/// <remarks>Runs once per storage backend: see the nested classes at the end.</remarks>
public abstract class IdpQuirksTests(ScimApiFactory factory)
{
    private const string Enterprise = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    private async Task<(ScimClient Scim, string Id)> UserAsync(string identityProvider = "okta", string extra = "")
    {
        var scim = await factory.NewTenantAsync(identityProvider);
        return (scim, await scim.CreateUserAsync("quirk-" + Guid.NewGuid().ToString("N")[..6], extra));
    }

    [Fact]
    public async Task E1_PascalCaseOps_AreApplied()
    {
        var (scim, id) = await UserAsync();

        var response = await scim.PatchAsync($"/Users/{id}", Patch("""
            [{"op":"Replace","path":"displayName","value":"x"},{"op":"Add","path":"title","value":"t"},{"op":"Remove","path":"title"}]
            """));

        Assert.Equal("x", response.Body!["displayName"]!.GetValue<string>());
        Assert.Null(response.Body["title"]);
    }

    [Fact]
    public async Task E2_BooleansAsStrings_InPatchPostAndFilters()
    {
        var (scim, id) = await UserAsync(extra: ""","active":"True","emails":[{"value":"a@b.c","primary":"True"}] """);

        var patched = await scim.PatchAsync($"/Users/{id}", Patch("""[{"op":"Replace","path":"active","value":"False"}]"""));
        var found = await scim.GetAsync("/Users?filter=" + Uri.EscapeDataString("emails[primary eq \"True\"]"));

        Assert.False(patched.Body!["active"]!.GetValue<bool>());
        Assert.Equal(1, found.TotalResults);
    }

    [Fact]
    public async Task E3_AddOnSingleValuedAttribute_ActsAsReplace()
    {
        var (scim, id) = await UserAsync(extra: ""","active":true""");

        var response = await scim.PatchAsync($"/Users/{id}", Patch("""[{"op":"Add","path":"active","value":false}]"""));

        Assert.False(response.Body!["active"]!.GetValue<bool>());
    }

    [Fact]
    public async Task E4_PathlessReplace_WithDottedAndUrnKeys()
    {
        var (scim, id) = await UserAsync();

        var response = await scim.PatchAsync($"/Users/{id}", Patch($$"""
            [{"op":"replace","value":{"name.givenName":"A","{{Enterprise}}:employeeNumber":"7"} }]
            """));

        Assert.Equal("A", response.Body!["name"]!["givenName"]!.GetValue<string>());
        Assert.Equal("7", response.Body[Enterprise]!["employeeNumber"]!.GetValue<string>());
        Assert.Contains(Enterprise, response.Body["schemas"]!.AsArray().Select(s => s!.GetValue<string>()));
    }

    [Fact]
    public async Task E5_MemberRemoval_WithValueListOrFilter()
    {
        var scim = await factory.NewTenantAsync("entra");
        var (a, b) = (await scim.CreateUserAsync("a"), await scim.CreateUserAsync("b"));
        var group = await scim.CreateGroupAsync("E5", $$"""[{"value":"{{a}}"},{"value":"{{b}}"}]""");

        var byList = await scim.PatchAsync($"/Groups/{group}", Patch($$"""[{"op":"Remove","path":"members","value":[{"value":"{{a}}"}]}]"""));
        var byFilter = await scim.PatchAsync($"/Groups/{group}", Patch($$"""[{"op":"remove","path":"members[value eq \"{{b}}\"]"}]"""));

        Assert.Equal(HttpStatusCode.NoContent, byList.Status);
        Assert.Equal(HttpStatusCode.NoContent, byFilter.Status);
        Assert.Null((await scim.GetAsync($"/Groups/{group}")).Body!["members"]);
    }

    [Fact]
    public async Task E6_NullRefInMemberValue_IsAccepted()
    {
        var scim = await factory.NewTenantAsync("entra");
        var a = await scim.CreateUserAsync("a");
        var group = await scim.CreateGroupAsync("E6");

        await scim.PatchAsync($"/Groups/{group}", Patch($$"""[{"op":"Add","path":"members","value":[{"$ref":null,"value":"{{a}}"}]}]"""));

        Assert.Equal(a, (await scim.GetAsync($"/Groups/{group}")).Body!["members"]![0]!["value"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("emails[type eq \\\"work\\\"].value", "a@b.c", "emails")]
    [InlineData("addresses[type eq \\\"work\\\"].postalCode", "12345", "addresses")]
    [InlineData("phoneNumbers[type eq \\\"mobile\\\"].value", "+1 555", "phoneNumbers")]
    public async Task E7_FilteredPathOnMissingElement_CreatesIt(string path, string value, string attribute)
    {
        var (scim, id) = await UserAsync();

        var response = await scim.PatchAsync($"/Users/{id}", Patch($$"""[{"op":"Replace","path":"{{path}}","value":"{{value}}"}]"""));
        var again = await scim.PatchAsync($"/Users/{id}", Patch($$"""[{"op":"Replace","path":"{{path}}","value":"{{value}}"}]"""));

        var element = Assert.Single(again.Body![attribute]!.AsArray())!;
        Assert.Contains(element.AsObject(), p => p.Value!.GetValue<object>().ToString() == value);
        Assert.Equal(HttpStatusCode.OK, response.Status);
    }

    [Fact]
    public async Task E8_ManagerAsPlainString_BecomesManagerValue()
    {
        var (scim, id) = await UserAsync();

        var response = await scim.PatchAsync($"/Users/{id}", Patch($$"""[{"op":"Add","path":"{{Enterprise}}:manager","value":"mgr-1"}]"""));

        Assert.Equal("mgr-1", response.Body![Enterprise]!["manager"]!["value"]!.GetValue<string>());
    }

    [Fact]
    public async Task E10_RolesAsJsonEncodedStrings_AreKept()
    {
        var (scim, id) = await UserAsync();

        var response = await scim.PatchAsync($"/Users/{id}", Patch("""
            [{"op":"Add","path":"roles","value":[{"value":"{\"id\":\"r1\",\"value\":\"25\",\"displayName\":\"Role\"}"}]}]
            """));

        Assert.Contains("\"displayName\":\"Role\"", response.Body!["roles"]![0]!["value"]!.GetValue<string>());
    }

    [Fact]
    public async Task E12_NullSubAttributesOnPost_MeanNoValue()
    {
        var scim = await factory.NewTenantAsync();

        var response = await scim.PostAsync("/Users", """{"userName":"e12","addresses":[{"type":"work","formatted":null,"country":null}],"nickName":null}""");

        Assert.Equal(HttpStatusCode.Created, response.Status);
        Assert.Equal("""[{"type":"work"}]""", response.Body!["addresses"]!.ToJsonString());
        Assert.Null(response.Body["nickName"]);
    }

    [Fact]
    public async Task E13_LookupsWithAndAndUnquotedValues()
    {
        var scim = await factory.NewTenantAsync("entra");
        await scim.CreateUserAsync("e13@x.com", ""","externalId":"X13","emails":[{"value":"e13@work.com","type":"work"}]""");

        var both = await scim.GetAsync("/Users?filter=" + Uri.EscapeDataString("userName eq \"e13@x.com\" and externalId eq \"X13\""));
        var unquoted = await scim.GetAsync("/Users?filter=" + Uri.EscapeDataString("userName eq e13@x.com"));
        var byEmail = await scim.GetAsync("/Users?filter=" + Uri.EscapeDataString("emails.value eq \"e13@work.com\""));

        Assert.Equal(1, both.TotalResults);
        Assert.Equal(1, unquoted.TotalResults);
        Assert.Equal(1, byEmail.TotalResults);
    }

    [Fact]
    public async Task E16_GroupWithExtraSchemaUrn_LookedUpByDisplayNameWithoutMembers()
    {
        var scim = await factory.NewTenantAsync("entra");
        var created = await scim.PostAsync("/Groups", """
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group","http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group"],
             "displayName":"E16 Group","members":[]}
            """);

        var found = await scim.GetAsync("/Groups?excludedAttributes=members&filter=" + Uri.EscapeDataString("displayName eq \"E16 Group\""));

        Assert.Equal(HttpStatusCode.Created, created.Status);
        Assert.Equal(created.Id, Assert.Single(found.Resources)!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task E17_O5_DeactivatedUsers_StayReadable()
    {
        var (scim, id) = await UserAsync(extra: ""","active":true""");

        await scim.PatchAsync($"/Users/{id}", Patch("""[{"op":"replace","value":{"active":false}}]"""));

        Assert.False((await scim.GetAsync($"/Users/{id}")).Body!["active"]!.GetValue<bool>());
    }

    [Fact]
    public async Task E19_UnknownQueryFlags_AreIgnored()
    {
        var scim = await factory.NewTenantAsync("entra");

        var response = await scim.GetAsync("/Users?aadOptscim062020&filter=" + Uri.EscapeDataString("userName eq \"nobody\""));

        Assert.Equal(HttpStatusCode.OK, response.Status);
    }

    [Fact]
    public async Task O3_PostWithPasswordGroupsAndLocale_IsCreated_ThenDuplicateIs409()
    {
        var scim = await factory.NewTenantAsync("okta");
        const string body = """
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"o3@atko.com","name":{"givenName":"O","familyName":"Three"},
             "emails":[{"primary":true,"value":"o3@atko.com","type":"work"}],"displayName":"O Three","locale":"en-US","externalId":"00u1",
             "groups":[],"password":"1mz050nq","active":true}
            """;

        var created = await scim.PostAsync("/Users", body);
        var duplicate = await scim.PostAsync("/Users", body);

        Assert.Equal(HttpStatusCode.Created, created.Status);
        Assert.Null(created.Body!["password"]);
        Assert.Equal("en-US", created.Body["locale"]!.GetValue<string>());
        duplicate.AssertError(HttpStatusCode.Conflict, "uniqueness");
    }

    [Fact]
    public async Task O6_RePostOfADeactivatedUserWithItsExternalId_ReactivatesTheSameUser()
    {
        var scim = await factory.NewTenantAsync("okta");
        const string body = """
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"o6@atko.com","externalId":"00u6","name":{"givenName":"O","familyName":"Six"},"active":true}
            """;
        var created = await scim.PostAsync("/Users", body);
        await scim.PatchAsync($"/Users/{created.Id}", """{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","value":{"active":false}}]}""");

        var again = await scim.PostAsync("/Users", body.Replace("\"Six\"", "\"Sixth\""));

        Assert.Equal(HttpStatusCode.Created, again.Status);
        Assert.Equal(created.Id, again.Id);
        Assert.True(again.Body!["active"]!.GetValue<bool>());
        Assert.Equal("Sixth", again.Body["name"]!["familyName"]!.GetValue<string>());
        Assert.EndsWith($"/Users/{created.Id}", again.Headers.Location!.ToString());
        Assert.Equal(1, (await scim.GetAsync("/Users?filter=" + Uri.EscapeDataString("externalId eq \"00u6\""))).TotalResults);
        await scim.PatchAsync($"/Users/{created.Id}", """{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","value":{"active":false}}]}""");
        var otherUser = await scim.PostAsync("/Users", body.Replace("o6@atko.com", "o6.other@atko.com"));
        Assert.Equal(HttpStatusCode.Created, otherUser.Status);
        Assert.NotEqual(created.Id, otherUser.Id);
    }

    [Fact]
    public async Task E14_E15_TestConnection_RandomUserAndGroupLookups_Are200Empty()
    {
        var scim = await factory.NewTenantAsync("entra");

        var users = await scim.GetAsync("/Users?filter=" + Uri.EscapeDataString($"userName eq \"{Guid.NewGuid()}\""));
        var groups = await scim.GetAsync("/Groups?excludedAttributes=members&filter=" + Uri.EscapeDataString($"displayName eq \"{Guid.NewGuid()}\""));

        foreach (var response in new[] { users, groups })
        {
            Assert.Equal(HttpStatusCode.OK, response.Status);
            Assert.Equal(0, response.TotalResults);
            Assert.Empty(response.Resources);
            Assert.Equal(1, response.Body!["startIndex"]!.GetValue<int>());
            Assert.Equal(0, response.Body["itemsPerPage"]!.GetValue<int>());
        }
    }

    [Fact]
    public async Task O1_O2_LookupThenCreate_WithOktaPagingAndAllCapsUserName()
    {
        var scim = await factory.NewTenantAsync("okta");
        var lookup = "/Users?filter=" + Uri.EscapeDataString("userName eq \"o1@atko.com\"") + "&startIndex=1&count=100";

        var before = await scim.GetAsync(lookup);
        var id = await scim.CreateUserAsync("o1@atko.com");
        var allCaps = await scim.GetAsync("/Users?filter=" + Uri.EscapeDataString("userName eq \"O1@ATKO.COM\"") + "&startIndex=1&count=100");

        Assert.Equal(0, before.TotalResults);
        Assert.Equal([id], allCaps.Resources.Select(r => r!["id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task O4_PingFederate_ProfileUpdateIsAFullPutAfterAGet()
    {
        var scim = await factory.NewTenantAsync("okta");
        var id = await scim.CreateUserAsync("o4@atko.com", ",\"title\":\"Old\",\"nickName\":\"Kept?\"");
        var read = await scim.GetAsync($"/Users/{id}");
        var body = read.Body!.AsObject();
        body["title"] = "New";
        body.Remove("nickName");

        var put = await scim.PutAsync($"/Users/{id}", body.ToJsonString());

        Assert.Equal(HttpStatusCode.OK, put.Status);
        Assert.Equal("New", put.Body!["title"]!.GetValue<string>());
        Assert.Null(put.Body["nickName"]);
        Assert.Equal("W/\"2\"", put.Body["meta"]!["version"]!.GetValue<string>());
    }

    [Fact]
    public async Task O7_ImportPages_OfHundred_AreStableAndComplete()
    {
        var scim = await factory.NewTenantAsync("okta");
        var ids = new List<string>();
        for (var i = 0; i < 250; i++) ids.Add(await scim.CreateUserAsync($"import-{i:D3}"));

        var seen = new List<string>();
        for (var start = 1; start <= 250; start += 100)
        {
            var page = await scim.GetAsync($"/Users?startIndex={start}&count=100");
            Assert.Equal(250, page.Body!["totalResults"]!.GetValue<int>());
            Assert.Equal(start, page.Body["startIndex"]!.GetValue<int>());
            seen.AddRange(page.Resources.Select(r => r!["id"]!.GetValue<string>()));
        }

        Assert.Equal(ids, seen);
    }

    [Fact]
    public async Task JumpCloud_ActivationCreatesThenDeletesATestUserAndGroup()
    {
        var scim = await factory.NewTenantAsync("jumpcloud");

        var user = await scim.CreateUserAsync("jumpcloud-test-user");
        var group = await scim.CreateGroupAsync("jumpcloud-test-group", $$"""[{"value":"{{user}}"}]""");
        var deletedUser = await scim.DeleteAsync($"/Users/{user}");
        var deletedGroup = await scim.DeleteAsync($"/Groups/{group}");

        Assert.Equal(HttpStatusCode.NoContent, deletedUser.Status);
        Assert.Equal(HttpStatusCode.NoContent, deletedGroup.Status);
        Assert.Equal(0, (await scim.GetAsync("/Users")).TotalResults);
        Assert.Equal(0, (await scim.GetAsync("/Groups")).TotalResults);
    }

    [Fact]
    public async Task Google_SuspendIsAPathlessReplace_AndTheMappingComesFromSchemas()
    {
        var scim = await factory.NewTenantAsync("google");
        var id = await scim.CreateUserAsync("google.user", ",\"active\":true");

        var suspended = await scim.PatchAsync($"/Users/{id}", """{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","value":{"active":false}}]}""");
        var schemas = await scim.GetAsync("/Schemas");

        Assert.False(suspended.Body!["active"]!.GetValue<bool>());
        Assert.False((await scim.GetAsync($"/Users/{id}")).Body!["active"]!.GetValue<bool>());
        Assert.Contains("urn:ietf:params:scim:schemas:core:2.0:User", schemas.Resources.Select(r => r!["id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task PingFederate_GroupsPatched_FoundByListingAll_UsersMatchedOnUserName()
    {
        var scim = await factory.NewTenantAsync("pingfederate");
        var user = await scim.CreateUserAsync("ping.user");
        var group = await scim.CreateGroupAsync("Ping group");

        await scim.PatchAsync($"/Groups/{group}", $$"""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"add","path":"members","value":[{"value":"{{user}}"}]}]}""");
        var groups = await scim.GetAsync("/Groups");
        var match = await scim.GetAsync("/Users?filter=" + Uri.EscapeDataString("userName eq \"ping.user\""));

        Assert.Equal(user, groups.Resources.Single()!["members"]![0]!["value"]!.GetValue<string>());
        Assert.Equal(user, match.Resources.Single()!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task O8_GroupPush_RenameWithIdAndMemberDiff()
    {
        var scim = await factory.NewTenantAsync("okta");
        var (a, b) = (await scim.CreateUserAsync("a"), await scim.CreateUserAsync("b"));
        var group = await scim.CreateGroupAsync("O8", $$"""[{"value":"{{a}}"}]""");

        var response = await scim.PatchAsync($"/Groups/{group}", Patch($$"""
            [{"op":"replace","value":{"id":"{{group}}","displayName":"O8 renamed"} },
             {"op":"remove","path":"members[value eq \"{{a}}\"]"},
             {"op":"add","path":"members","value":[{"value":"{{b}}","display":"b"}]}]
            """));
        var emptyPush = await scim.PatchAsync($"/Groups/{group}", Patch("""[{"op":"add","path":"members","value":[]}]"""));

        Assert.Equal("O8 renamed", response.Body!["displayName"]!.GetValue<string>());
        Assert.Equal(b, Assert.Single(response.Body["members"]!.AsArray())!["value"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, emptyPush.Status);
    }

    [Fact]
    public async Task O8_PathlessReplaceWithAnotherId_Returns400Mutability()
    {
        var scim = await factory.NewTenantAsync("okta");
        var group = await scim.CreateGroupAsync("O8b");

        var response = await scim.PatchAsync($"/Groups/{group}", Patch("""[{"op":"replace","value":{"id":"other","displayName":"x"}}]"""));

        response.AssertError(HttpStatusCode.BadRequest, "mutability");
    }

    [Fact]
    public async Task OneLogin_LowercaseOps_TrailingAmpersand_NonStandardSchemaUrn()
    {
        var scim = await factory.NewTenantAsync("onelogin");
        var id = await scim.CreateUserAsync("ol@x.com");

        var put = await scim.PutAsync($"/Users/{id}", """{"schemas":["urn:scim:schemas:core:2.0"],"userName":"ol@x.com","title":"T"}""");
        var found = await scim.GetAsync("/Users?filter=" + Uri.EscapeDataString("userName eq \"ol@x.com\"") + "&");

        Assert.Equal(HttpStatusCode.OK, put.Status);
        Assert.Equal(1, found.TotalResults);
    }

    [Fact]
    public async Task JumpCloud_MemberChangesAsValueListWithoutFilter()
    {
        var scim = await factory.NewTenantAsync("jumpcloud");
        var a = await scim.CreateUserAsync("jc");
        var group = await scim.CreateGroupAsync("JC");

        var added = await scim.PatchAsync($"/Groups/{group}", Patch($$"""[{"op":"add","path":"members","value":[{"value":"{{a}}"}]}]"""));
        var removed = await scim.PatchAsync($"/Groups/{group}", Patch($$"""[{"op":"remove","path":"members","value":[{"value":"{{a}}"}]}]"""));

        Assert.Single(added.Body!["members"]!.AsArray());
        Assert.Null(removed.Body!["members"]);
    }

    [Collection(InMemoryCollection.Name)]
    public sealed class InMemory(InMemoryApiFactory factory) : IdpQuirksTests(factory);

    [Collection(PostgresCollection.Name)]
    public sealed class Postgres(PostgresApiFactory factory) : IdpQuirksTests(factory);
}
