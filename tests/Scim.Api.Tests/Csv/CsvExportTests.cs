using System.Net;
using System.Text;
using CsvHelper;
using Scim.Api.Tests.Infrastructure;

namespace Scim.Api.Tests.Csv;

/// <summary>The users and groups CSV files, through the real pipeline with an admin key and from the pages.</summary>
public abstract class CsvExportTests(ScimApiFactory factory)
{
    private static async Task<List<Dictionary<string, string>>> RowsAsync(HttpResponseMessage response)
    {
        var rows = new List<Dictionary<string, string>>();
        await using var csv = CsvReader.Create(await response.Content.ReadAsStreamAsync(), new CsvReaderOptions { Separator = ',' });
        while (await csv.ReadAsync())
            rows.Add(csv.Headers.Select((name, i) => (name, i)).ToDictionary(h => h.name, h => csv.GetString(h.i)));
        return rows;
    }

    private async Task<ScimClient> TenantWithCustomFieldAsync()
    {
        var scim = await factory.NewTenantAsync(keepOwner: true);
        using var fields = await factory.Operator().PutAsync($"/admin/v1/tenants/{scim.Tenant}/custom-fields", new StringContent(
            """{"fields":[{"name":"costCenter","type":"string"},{"name":"badges","type":"string","multiValued":true}]}""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, fields.StatusCode);
        return scim;
    }

    [Fact]
    public async Task TheUsersFile_HasARowPerUser_WithGroupsAndCustomFields_AndNeutralizesFormulas()
    {
        var scim = await TenantWithCustomFieldAsync();
        var urn = $"urn:ietf:params:scim:schemas:extension:{scim.Tenant}:2.0:User";
        var ada = await scim.CreateUserAsync("ada@example.com", $$"""
            ,"name":{"givenName":"Ada","familyName":"Lovelace"},"displayName":"=HYPERLINK(\"http://evil.example\")",
            "emails":[{"value":"ada@example.com","primary":true}],"externalId":"+42",
            "{{urn}}":{"costCenter":"@SUM(A1)","badges":["gold","silver"]}
            """);
        await scim.CreateUserAsync("bob@example.com", ""","active":false""");
        await scim.CreateGroupAsync("Teachers", $$"""[{"value":"{{ada}}"}]""");
        using var admin = factory.PlatformAdmin(scim.AdminKey);

        using var response = await admin.GetAsync($"/api/v1/tenants/{scim.Tenant}/users.csv");
        var rows = await RowsAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains($"{scim.Tenant}-users.csv", response.Content.Headers.ContentDisposition!.ToString());
        var first = rows.Single(r => r["userName"] == "ada@example.com");
        Assert.Equal(ada, first["id"]);
        Assert.Equal(("Ada", "Lovelace", "ada@example.com", "true"), (first["givenName"], first["familyName"], first["email"], first["active"]));
        Assert.Equal("'=HYPERLINK(\"http://evil.example\")", first["displayName"]);
        Assert.Equal("'+42", first["externalId"]);
        Assert.Equal("'@SUM(A1)", first[$"{urn}:costCenter"]);
        Assert.Equal("gold;silver", first[$"{urn}:badges"]);
        Assert.Equal("Teachers", first["groups"]);
        Assert.Equal("false", rows.Single(r => r["userName"] == "bob@example.com")["active"]);
    }

    [Fact]
    public async Task TheGroupsFile_HasARowPerMembership_WithItsSources_AndOneForAnEmptyGroup()
    {
        var scim = await factory.NewTenantAsync(keepOwner: true);
        var both = await scim.CreateUserAsync("both@example.com");
        var manual = await scim.CreateUserAsync("manual@example.com");
        var group = await scim.CreateGroupAsync("-Staff", $$"""[{"value":"{{both}}"}]""");
        var empty = await scim.CreateGroupAsync("Empty");
        var groups = factory.GroupAdmin(scim.Tenant);
        Assert.Equal(HttpStatusCode.NoContent, await groups.AddManualMemberAsync(group, both));
        Assert.Equal(HttpStatusCode.NoContent, await groups.AddManualMemberAsync(group, manual));
        using var admin = factory.PlatformAdmin(scim.AdminKey);

        using var response = await admin.GetAsync($"/api/v1/tenants/{scim.Tenant}/groups.csv");
        var rows = await RowsAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var staff = rows.Where(r => r["groupId"] == group).ToDictionary(r => r["memberUserName"], r => r["sources"]);
        Assert.Equal(new Dictionary<string, string> { ["both@example.com"] = "scim;manual", ["manual@example.com"] = "manual" }, staff);
        Assert.All(rows.Where(r => r["groupId"] == group), r => Assert.Equal("'-Staff", r["displayName"]));
        var none = Assert.Single(rows, r => r["groupId"] == empty);
        Assert.Equal(("Empty", ""), (none["displayName"], none["memberId"]));
    }

    [Fact]
    public async Task TheUsersFile_PagesThroughEveryUser_OfATenantLargerThanAPage()
    {
        var scim = await factory.NewTenantAsync(keepOwner: true);
        var names = Enumerable.Range(0, 2 * Scim.Api.Csv.CsvPages.PageSize + 1).Select(i => $"user{i:D4}@example.com").ToList();
        foreach (var batch in names.Chunk(25)) await Task.WhenAll(batch.Select(name => scim.CreateUserAsync(name)));
        using var admin = factory.PlatformAdmin(scim.AdminKey);

        using var response = await admin.GetAsync($"/api/v1/tenants/{scim.Tenant}/users.csv");
        var rows = await RowsAsync(response);

        Assert.Equal(names.Count + 1, rows.Count);
        Assert.Equal(rows.Count, rows.Select(r => r["id"]).Distinct().Count());
        Assert.Superset(names.ToHashSet(), rows.Select(r => r["userName"]).ToHashSet());
    }

    [Fact]
    public async Task AnotherTenantsAdminKey_GetsNoFile()
    {
        var mine = await factory.NewTenantAsync(keepOwner: true);
        var theirs = await factory.NewTenantAsync(keepOwner: true);
        using var admin = factory.PlatformAdmin(theirs.AdminKey);

        using var users = await admin.GetAsync($"/api/v1/tenants/{mine.Tenant}/users.csv");
        using var groups = await admin.GetAsync($"/api/v1/tenants/{mine.Tenant}/groups.csv");

        Assert.Equal(HttpStatusCode.NotFound, users.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, groups.StatusCode);
        Assert.DoesNotContain("userName", await users.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task TheUsersPage_OffersBothFiles_ToItsAdmins()
    {
        var (tenant, _, owner) = await InvitedOwners.SignedInAsync(factory, enableConnector: true);
        using var _ = owner;

        var page = await owner.GetAsync($"/t/{tenant}/users");
        var file = await owner.GetAsync($"/t/{tenant}/users?handler=UsersCsv");

        Assert.Contains("Export users (CSV)", page.Html);
        Assert.Equal(HttpStatusCode.OK, file.Status);
        Assert.StartsWith("id,userName,email,givenName,familyName,displayName,active,externalId,groups", file.Html.TrimStart('\uFEFF'));
    }

    [Collection(InMemoryCollection.Name)]
    public sealed class InMemory(InMemoryApiFactory factory) : CsvExportTests(factory);

    [Collection(PostgresCollection.Name)]
    public sealed class Postgres(PostgresApiFactory factory) : CsvExportTests(factory);
}
