using System.Net;
using Scim.Api.Tests.Infrastructure;

namespace Scim.Api.Tests.Quirks;

/// <summary>Whole provisioning cycles as Entra ID and Okta run them, request shape by request shape.</summary>
/// <remarks>Runs once per storage backend: see the nested classes at the end.</remarks>
public abstract class LifecycleReplayTests(ScimApiFactory factory)
{
    private const string PatchOp = "\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"]";
    private const string Enterprise = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    private static string Filter(string filter) => "filter=" + Uri.EscapeDataString(filter);

    [Fact]
    public async Task EntraProvisioningCycle()
    {
        var scim = await factory.NewTenantAsync("entra");

        // Test connection: a random user and group, expecting empty lists.
        Assert.Equal(0, (await scim.GetAsync($"/Users?{Filter($"userName eq \"{Guid.NewGuid()}\"")}")).TotalResults);
        Assert.Equal(0, (await scim.GetAsync($"/Groups?excludedAttributes=members&{Filter($"displayName eq \"{Guid.NewGuid()}\"")}")).TotalResults);

        // Lookup by userName and by externalId, then create (manager first, then the report).
        Assert.Equal(0, (await scim.GetAsync($"/Users?{Filter("userName eq \"ada@contoso.com\"")}")).TotalResults);
        Assert.Equal(0, (await scim.GetAsync($"/Users?{Filter("externalId eq \"ada\"")}")).TotalResults);
        var boss = await scim.PostAsync("/Users", """
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
             "externalId":"grace","userName":"grace@contoso.com","active":true,"displayName":"Grace",
             "emails":[{"primary":true,"type":"work","value":"grace@contoso.com"}],"meta":{"resourceType":"User"},
             "name":{"formatted":"Grace H","familyName":"H","givenName":"Grace"}}
            """);
        var ada = await scim.PostAsync("/Users", """
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
             "externalId":"ada","userName":"ada@contoso.com","active":"True","displayName":"Ada",
             "emails":[{"primary":true,"type":"work","value":"ada@contoso.com"}],
             "addresses":[{"type":"work","formatted":null,"country":null}],
             "name":{"formatted":"Ada L","familyName":"L","givenName":"Ada"}}
            """);
        Assert.Equal(HttpStatusCode.Created, ada.Status);
        Assert.Equal(ada.Id, (await scim.GetAsync($"/Users?{Filter("externalId eq \"ada\"")}")).Resources.Single()!["id"]!.GetValue<string>());

        // Updates: PascalCase ops, manager as a plain id, path-less dotted and URN keys, an upserted work phone.
        var update = await scim.PatchAsync($"/Users/{ada.Id}", $$"""
            { {{PatchOp}}, "Operations": [
              {"op":"Replace","path":"displayName","value":"Ada Lovelace"},
              {"op":"Add","path":"{{Enterprise}}:manager","value":"{{boss.Id}}" },
              {"op":"replace","value":{"name.familyName":"Lovelace","{{Enterprise}}:department":"Analytics" } },
              {"op":"Replace","path":"phoneNumbers[type eq \"work\"].value","value":"+44 20 0000"} ] }
            """);
        Assert.Equal(HttpStatusCode.NoContent, update.Status);
        var updated = (await scim.GetAsync($"/Users/{ada.Id}")).Body!;
        Assert.Equal("Ada Lovelace", updated["displayName"]!.GetValue<string>());
        Assert.Equal("Lovelace", updated["name"]!["familyName"]!.GetValue<string>());
        Assert.Equal(boss.Id, updated[Enterprise]!["manager"]!["value"]!.GetValue<string>());
        Assert.Equal("Analytics", updated[Enterprise]!["department"]!.GetValue<string>());
        Assert.Equal("+44 20 0000", updated["phoneNumbers"]![0]!["value"]!.GetValue<string>());

        // Groups: created empty with Microsoft's extra schema URN, members added and removed, read without members.
        var group = await scim.PostAsync("/Groups", """
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group","http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group"],
             "externalId":"eng","displayName":"Engineering","members":[]}
            """);
        Assert.Equal(HttpStatusCode.Created, group.Status);
        var found = await scim.GetAsync($"/Groups?excludedAttributes=members&{Filter("displayName eq \"Engineering\"")}");
        Assert.Null(found.Resources.Single()!["members"]);
        Assert.Equal(HttpStatusCode.NoContent, (await scim.PatchAsync($"/Groups/{group.Id}", $$"""
            { {{PatchOp}}, "Operations": [ {"op":"Add","path":"members","value":[{"value":"{{ada.Id}}" },{"value":"{{boss.Id}}" }]} ] }
            """)).Status);
        Assert.Equal(HttpStatusCode.NoContent, (await scim.PatchAsync($"/Groups/{group.Id}", $$"""
            { {{PatchOp}}, "Operations": [ {"op":"Remove","path":"members","value":[{"value":"{{boss.Id}}" }]} ] }
            """)).Status);
        var members = (await scim.GetAsync($"/Groups/{group.Id}")).Body!["members"]!.AsArray();
        Assert.Equal([ada.Id], members.Select(m => m!["value"]!.GetValue<string>()));
        Assert.Null((await scim.GetAsync($"/Groups/{group.Id}?excludedAttributes=members")).Body!["members"]);

        // Unassign: active false; the user stays readable and findable.
        Assert.Equal(HttpStatusCode.NoContent, (await scim.PatchAsync($"/Users/{ada.Id}", $$"""
            { {{PatchOp}}, "Operations": [ {"op":"Replace","path":"active","value":"False"} ] }
            """)).Status);
        var deactivated = await scim.GetAsync($"/Users?{Filter("userName eq \"ada@contoso.com\"")}");
        Assert.False(deactivated.Resources.Single()!["active"]!.GetValue<bool>());
    }

    [Fact]
    public async Task OktaLifecycle()
    {
        var scim = await factory.NewTenantAsync("okta");
        var lookup = $"/Users?{Filter("userName eq \"lin@atko.com\"")}&startIndex=1&count=100";
        const string profile = """
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"lin@atko.com","externalId":"00ulin",
             "name":{"givenName":"Lin","familyName":"Chen"},"emails":[{"primary":true,"value":"lin@atko.com","type":"work"}],
             "displayName":"Lin Chen","locale":"en-US","groups":[],"password":"t3mp-Passw0rd","active":true}
            """;

        // Lookup, then create with a password (never returned).
        Assert.Equal(0, (await scim.GetAsync(lookup)).TotalResults);
        var created = await scim.PostAsync("/Users", profile);
        Assert.Equal(HttpStatusCode.Created, created.Status);
        Assert.Null(created.Body!["password"]);

        // Profile update: GET, then a full PUT.
        var read = (await scim.GetAsync($"/Users/{created.Id}")).Body!.AsObject();
        read["title"] = "Engineer";
        var put = await scim.PutAsync($"/Users/{created.Id}", read.ToJsonString());
        Assert.Equal("Engineer", put.Body!["title"]!.GetValue<string>());

        // Deactivate with a path-less replace; reactivate by re-POSTing the profile: the same user comes back.
        var deactivated = await scim.PatchAsync($"/Users/{created.Id}", $$"""{ {{PatchOp}}, "Operations":[{"op":"replace","value":{"active":false} }] }""");
        Assert.False(deactivated.Body!["active"]!.GetValue<bool>());
        var reactivated = await scim.PostAsync("/Users", profile);
        Assert.Equal(created.Id, reactivated.Id);
        Assert.True(reactivated.Body!["active"]!.GetValue<bool>());
        Assert.Equal(1, (await scim.GetAsync(lookup)).TotalResults);

        // Group push: create empty, rename with the id sent along, member diff, then a full replace.
        var other = await scim.CreateUserAsync("sam@atko.com");
        var group = await scim.PostAsync("/Groups", """{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"Okta Push","members":[]}""");
        var renamed = await scim.PatchAsync($"/Groups/{group.Id}", $$"""
            { {{PatchOp}}, "Operations": [
              {"op":"replace","value":{"id":"{{group.Id}}","displayName":"Okta Pushed" } },
              {"op":"add","path":"members","value":[{"value":"{{created.Id}}","display":"lin@atko.com"},{"value":"{{other}}" }]} ] }
            """);
        Assert.Equal("Okta Pushed", renamed.Body!["displayName"]!.GetValue<string>());
        var diffed = await scim.PatchAsync($"/Groups/{group.Id}", $$"""
            { {{PatchOp}}, "Operations": [
              {"op":"replace","value":{"id":"{{group.Id}}","displayName":"Okta Pushed" } },
              {"op":"remove","path":"members[value eq \"{{other}}\"]"} ] }
            """);
        Assert.Equal([created.Id], diffed.Body!["members"]!.AsArray().Select(m => m!["value"]!.GetValue<string>()));
        var replaced = await scim.PatchAsync($"/Groups/{group.Id}", $$"""
            { {{PatchOp}}, "Operations": [ {"op":"replace","path":"members","value":[{"value":"{{other}}" }]} ] }
            """);
        Assert.Equal([other], replaced.Body!["members"]!.AsArray().Select(m => m!["value"]!.GetValue<string>()));
        var emptied = await scim.PatchAsync($"/Groups/{group.Id}", $$"""
            { {{PatchOp}}, "Operations": [ {"op":"replace","path":"members","value":[]} ] }
            """);
        Assert.Null(emptied.Body!["members"]);
    }

    [Collection(InMemoryCollection.Name)]
    public sealed class InMemory(InMemoryApiFactory factory) : LifecycleReplayTests(factory);

    [Collection(PostgresCollection.Name)]
    public sealed class Postgres(PostgresApiFactory factory) : LifecycleReplayTests(factory);
}
