using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Scim.Api.Tests.Infrastructure;
using Scim.Grains.Interfaces.Import;
using Scim.Grains.Interfaces.References;
using Scim.Grains.Interfaces.Resources;

namespace Scim.Api.Tests.Csv;

/// <summary>
/// The users import through the real pipeline: a job checks each row by SCIM's rules (nothing changes), applies them when
/// asked, reports every line; whole files that are not a users CSV are refused in the answer.
/// </summary>
public abstract class ImportTests(ScimApiFactory factory)
{
    private static HttpContent Csv(string text) => new StringContent(text, Encoding.UTF8, "text/csv");

    /// <summary>Starts an import of the file and waits until its rows are checked (or the file is refused).</summary>
    private static async Task<(HttpStatusCode Status, JsonNode? Body)> PreviewAsync(HttpClient admin, string tenant, HttpContent file)
    {
        var jobs = new ImportJobsClient(admin, tenant);
        var (status, body) = await jobs.StartAsync(file);
        return status != HttpStatusCode.Accepted ? (status, body) : (HttpStatusCode.OK, await jobs.WaitForAsync(body!["id"]!.GetValue<string>(), "checked"));
    }

    private static Task<JsonNode> ApplyAsync(HttpClient admin, string tenant, string id) => new ImportJobsClient(admin, tenant).ApplyAsync(id);

    private async Task<string> PlatformUserAsync(string tenant, string email)
    {
        using var created = await factory.Operator().PostAsync($"/admin/v1/tenants/{tenant}/users",
            new StringContent($$"""{"email":"{{email}}","role":"user"}""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return email;
    }

    [Fact]
    public async Task APreview_SaysWhatEachRowWouldDo_BySCIMsRules_AndChangesNothing()
    {
        var scim = await factory.NewTenantAsync(keepOwner: true);
        var same = await PlatformUserAsync(scim.Tenant, "same@example.com");
        var renamed = await PlatformUserAsync(scim.Tenant, "renamed@example.com");
        var leaving = await PlatformUserAsync(scim.Tenant, "leaving@example.com");
        await scim.CreateUserAsync("fromidp@example.com");
        await scim.CreateGroupAsync("Teachers");
        var before = (await scim.GetAsync("/Users?count=0")).TotalResults;
        using var admin = factory.PlatformAdmin(scim.AdminKey);

        var (status, body) = await PreviewAsync(admin, scim.Tenant, Csv($"""
            userName,email,givenName,active,groups
            new@example.com,new@example.com,Nia,true,Teachers
            {same},{same},,,
            {renamed},,Renata,,
            {leaving},,,false,
            fromidp@example.com,,Changed,,
            maybe@example.com,,,perhaps,
            NEW@example.com,,,,
            nogroup@example.com,,,,Nope
            ,,Nobody,,
            """));
        var rows = body!["rows"]!.AsArray().Concat(body["refused"]!.AsArray())
            .ToDictionary(r => r!["line"]!.GetValue<int>(), r => (Action: r!["action"]!.GetValue<string>(), Reason: r["reason"]?.GetValue<string>()));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(("create", "unchanged", "update", "deactivate"), (rows[2].Action, rows[3].Action, rows[4].Action, rows[5].Action));
        Assert.Equal("refused", rows[6].Action);
        Assert.Contains("identity provider manages this user", rows[6].Reason);
        Assert.Contains("'active' must be a boolean", rows[7].Reason);
        Assert.Equal("Line 2 has the same userName.", rows[8].Reason);
        Assert.Equal("No group is named 'Nope'.", rows[9].Reason);
        Assert.Equal("The row has neither a userName nor an email.", rows[10].Reason);
        Assert.Equal(5, body["counts"]!["refused"]!.GetValue<int>());
        Assert.Equal(before, (await scim.GetAsync("/Users?count=0")).TotalResults);
    }

    [Fact]
    public async Task ApplyingAFile_CreatesUpdatesDeactivates_AddsManualMemberships_Reports_AndAgainChangesNothing()
    {
        var scim = await factory.NewTenantAsync(keepOwner: true);
        var renamed = await PlatformUserAsync(scim.Tenant, "renamed@example.com");
        var leaving = await PlatformUserAsync(scim.Tenant, "leaving@example.com");
        var teachers = await scim.CreateGroupAsync("Teachers");
        using var admin = factory.PlatformAdmin(scim.AdminKey);
        var file = $"""
            userName,email,givenName,familyName,active,groups
            nia@example.com,nia@example.com,Nia,Okafor,true,Teachers
            {renamed},,Renata,,,
            {leaving},,,,false,
            bad@example.com,,,,perhaps,
            """;

        var (_, checkedJob) = await PreviewAsync(admin, scim.Tenant, Csv(file));
        var done = await ApplyAsync(admin, scim.Tenant, checkedJob!["id"]!.GetValue<string>());
        using var report = await admin.GetAsync($"/api/v1/tenants/{scim.Tenant}/imports/{done["id"]}/report.csv");
        var reportText = await report.Content.ReadAsStringAsync();
        var (_, again) = await PreviewAsync(admin, scim.Tenant, Csv(file));
        var againDone = await ApplyAsync(admin, scim.Tenant, again!["id"]!.GetValue<string>());

        Assert.Equal("done", done["phase"]!.GetValue<string>());
        Assert.Equal((1, 1, 1, 1), (Count(done, "create"), Count(done, "update"), Count(done, "deactivate"), Count(done, "refused")));
        var nia = (await scim.GetAsync("/Users?filter=" + Uri.EscapeDataString("userName eq \"nia@example.com\""))).Resources.Single()!;
        Assert.Equal("Okafor", nia["name"]!["familyName"]!.GetValue<string>());
        Assert.Equal("nia@example.com", nia["emails"]![0]!["value"]!.GetValue<string>());
        var renata = (await scim.GetAsync("/Users?filter=" + Uri.EscapeDataString($"userName eq \"{renamed}\""))).Resources.Single()!;
        Assert.Equal("Renata", renata["name"]!["givenName"]!.GetValue<string>());
        Assert.Equal(renamed, renata["emails"]![0]!["value"]!.GetValue<string>());
        var gone = (await scim.GetAsync("/Users?filter=" + Uri.EscapeDataString($"userName eq \"{leaving}\""))).Resources.Single()!;
        Assert.False(gone["active"]!.GetValue<bool>());
        Assert.Equal(["manual"], (await factory.GroupAdmin(scim.Tenant).MembersAsync(teachers))[nia["id"]!.GetValue<string>()]);
        Assert.Equal(HttpStatusCode.OK, report.StatusCode);
        Assert.StartsWith("line,userName,done,reason,userId", reportText.TrimStart('\uFEFF'));
        Assert.Contains($"2,nia@example.com,create,,{nia["id"]}", reportText);
        Assert.Contains("5,bad@example.com,refused,", reportText);
        Assert.Equal((0, 0, 0, 3), (Count(again, "create"), Count(again, "update"), Count(again, "deactivate"), Count(again, "unchanged")));
        Assert.Equal(3, Count(againDone, "unchanged"));
    }

    [Fact]
    public async Task AManualMembershipFromAnImport_SurvivesTheIdPReplacingTheGroupsMembers()
    {
        var scim = await factory.NewTenantAsync(keepOwner: true);
        var fromIdp = await scim.CreateUserAsync("fromidp@example.com");
        var group = await scim.CreateGroupAsync("Staff");
        using var admin = factory.PlatformAdmin(scim.AdminKey);
        var (_, job) = await PreviewAsync(admin, scim.Tenant, Csv("email,groups\nimported@example.com,Staff\n"));
        await ApplyAsync(admin, scim.Tenant, job!["id"]!.GetValue<string>());

        var replaced = await scim.PatchAsync($"/Groups/{group}", $$"""
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","path":"members","value":[{"value":"{{fromIdp}}"}]}]}
            """);
        var members = await factory.GroupAdmin(scim.Tenant).MembersAsync(group);

        Assert.True(replaced.Status is HttpStatusCode.OK or HttpStatusCode.NoContent);
        Assert.Equal(2, members.Count);
        Assert.Contains(members, m => m.Key != fromIdp && m.Value.SequenceEqual(["manual"]));
        Assert.Equal(["scim"], members[fromIdp]);
    }

    [Fact]
    public async Task ApplyingBeforeTheRowsAreChecked_OrTwice_IsAConflict()
    {
        var scim = await factory.NewTenantAsync(keepOwner: true);
        using var admin = factory.PlatformAdmin(scim.AdminKey);
        var (_, job) = await PreviewAsync(admin, scim.Tenant, Csv("email\nonce@example.com\n"));
        var id = job!["id"]!.GetValue<string>();
        await ApplyAsync(admin, scim.Tenant, id);

        using var twice = await admin.PostAsync($"/api/v1/tenants/{scim.Tenant}/imports/{id}/apply", null);
        using var unknown = await admin.GetAsync($"/api/v1/tenants/{scim.Tenant}/imports/{Guid.NewGuid():N}");

        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task AJobWhoseProcessStopped_Fails_SayingToUploadAgain()
    {
        var scim = await factory.NewTenantAsync(keepOwner: true);
        var id = Guid.NewGuid().ToString("N");
        var grains = factory.Services.GetRequiredService<IGrainFactory>();
        await grains.Grain<IImportJobGrain>(ResourceKeys.Of(scim.Tenant, id)).StartAsync("users.csv", "someone", "a-lost-host/4242");
        using var admin = factory.PlatformAdmin(scim.AdminKey);

        var before = JsonNode.Parse(await admin.GetStringAsync($"/api/v1/tenants/{scim.Tenant}/imports/{id}"))!;
        factory.Clock.Advance(TimeSpan.FromMinutes(3));
        var after = JsonNode.Parse(await admin.GetStringAsync($"/api/v1/tenants/{scim.Tenant}/imports/{id}"))!;
        using var apply = await admin.PostAsync($"/api/v1/tenants/{scim.Tenant}/imports/{id}/apply", null);

        Assert.Equal("checking", before["phase"]!.GetValue<string>());
        Assert.Equal("failed", after["phase"]!.GetValue<string>());
        Assert.Contains("a-lost-host/4242) stopped. Upload the file again", after["error"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Conflict, apply.StatusCode);
    }

    [Fact]
    public async Task ApplyingWithInvitations_MailsEachCreatedUserATemporaryPassword_AndWithoutOwesNone()
    {
        var scim = await factory.NewTenantAsync(keepOwner: true);
        using var admin = factory.PlatformAdmin(scim.AdminKey);
        var jobs = new ImportJobsClient(admin, scim.Tenant);
        var (invited, quiet) = ($"invited@{scim.Tenant}.example", $"quiet@{scim.Tenant}.example");
        var (_, withInvite) = await PreviewAsync(admin, scim.Tenant, Csv($"email\n{invited}\n"));
        var (_, without) = await PreviewAsync(admin, scim.Tenant, Csv($"email\n{quiet}\n"));

        var invitedDone = await jobs.ApplyAsync(withInvite!["id"]!.GetValue<string>(), invite: true);
        var quietDone = await jobs.ApplyAsync(without!["id"]!.GetValue<string>());
        var mail = await factory.Inbox.WaitForAsync(invited);
        var quietId = quietDone["rows"]![0]!["userId"]!.GetValue<string>();
        using var quietMail = await admin.GetAsync($"/api/v1/tenants/{scim.Tenant}/scim/users/{quietId}/mail");

        Assert.True(invitedDone["invite"]!.GetValue<bool>());
        Assert.NotEmpty(TestInbox.TemporaryPasswordIn(mail));
        Assert.Equal(HttpStatusCode.NotFound, quietMail.StatusCode);
    }

    [Fact]
    public async Task AUserTheIdPCreatesBetweenTheCheckAndTheApply_RefusesThatRowAlone_AndTheBatchsOtherUsersAreCreatedWithTheirGroups()
    {
        var scim = await factory.NewTenantAsync(keepOwner: true);
        var teachers = await scim.CreateGroupAsync("Teachers");
        using var admin = factory.PlatformAdmin(scim.AdminKey);
        var names = Enumerable.Range(0, 40).Select(i => $"batch{i}@example.com").ToList();
        var (_, job) = await PreviewAsync(admin, scim.Tenant, Csv("userName,email,groups\n" + string.Concat(names.Select(n => $"{n},{n},Teachers\n"))));
        await scim.CreateUserAsync("BATCH7@example.com");

        var done = await ApplyAsync(admin, scim.Tenant, job!["id"]!.GetValue<string>());

        var rows = done["rows"]!.AsArray().Concat(done["refused"]!.AsArray()).ToDictionary(r => r!["userName"]!.GetValue<string>());
        Assert.Equal((39, 1), (Count(done, "create"), Count(done, "refused")));
        Assert.Equal("refused", rows["batch7@example.com"]!["action"]!.GetValue<string>());
        Assert.Contains("identity provider manages this user", rows["batch7@example.com"]!["reason"]!.GetValue<string>());
        var members = await factory.GroupAdmin(scim.Tenant).MembersAsync(teachers);
        foreach (var name in names.Where(n => n != "batch7@example.com"))
        {
            var user = (await scim.GetAsync("/Users?filter=" + Uri.EscapeDataString($"userName eq \"{name}\""))).Resources.Single()!;
            Assert.Equal(rows[name]!["userId"]!.GetValue<string>(), user["id"]!.GetValue<string>());
            Assert.Equal(name, user["emails"]![0]!["value"]!.GetValue<string>());
            Assert.Equal(["manual"], members[user["id"]!.GetValue<string>()]);
        }
        Assert.Equal(39, members.Count);
    }

    private static int Count(JsonNode job, string action) => job["counts"]![action]!.GetValue<int>();

    [Fact]
    public async Task CustomFields_AreReadByNameOrFullName_WithTheirTypesChecked()
    {
        var scim = await factory.NewTenantAsync(keepOwner: true);
        using var fields = await factory.Operator().PutAsync($"/admin/v1/tenants/{scim.Tenant}/custom-fields", new StringContent(
            """{"fields":[{"name":"badge","type":"integer"},{"name":"costCenter","type":"string"}]}""", Encoding.UTF8, "application/json"));
        using var admin = factory.PlatformAdmin(scim.AdminKey);
        var urn = $"urn:ietf:params:scim:schemas:extension:{scim.Tenant}:2.0:User";

        var (status, body) = await PreviewAsync(admin, scim.Tenant, Csv($"""
            email,badge,{urn}:costCenter
            a@example.com,7,east
            b@example.com,seven,west
            """));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("create", body!["rows"]![0]!["action"]!.GetValue<string>());
        Assert.Contains("badge", body["refused"]![0]!["reason"]!.GetValue<string>());
        Assert.Equal(3, body["refused"]![0]!["line"]!.GetValue<int>());
    }

    [Fact]
    public async Task AFileThatIsNotCsv_NotUtf8_Unreadable_WithoutAHeader_OrWithAnUnknownColumn_IsRefusedAsAWhole()
    {
        var scim = await factory.NewTenantAsync(keepOwner: true);
        using var admin = factory.PlatformAdmin(scim.AdminKey);
        var spreadsheet = new ByteArrayContent([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0x00, 0x00, 0x21, 0x00]);
        var latin1 = new ByteArrayContent(Encoding.Latin1.GetBytes("email,givenName\r\nj@example.com,J\u00e9r\u00f4me\r\n"));

        var binary = await PreviewAsync(admin, scim.Tenant, spreadsheet);
        var wrongEncoding = await PreviewAsync(admin, scim.Tenant, latin1);
        var noHeader = await PreviewAsync(admin, scim.Tenant, Csv("a@example.com,Ada\nb@example.com,Bob\n"));
        var unknown = await PreviewAsync(admin, scim.Tenant, Csv("email,shoeSize\na@example.com,9\n"));
        var empty = await PreviewAsync(admin, scim.Tenant, Csv(""));
        var unclosed = await PreviewAsync(admin, scim.Tenant, new StreamContent(new GeneratedCsv("email", 40_000,
            i => i == 0 ? "\"a@example.com" : $"user{i:D8}@example.com,{new string('a', 20)}")));

        Assert.All(new[] { binary, wrongEncoding, noHeader, unknown, empty, unclosed }, r => Assert.Equal(HttpStatusCode.BadRequest, r.Status));
        Assert.Contains("Line 2 cannot be read as CSV", unclosed.Body!["detail"]!.GetValue<string>());
        Assert.Contains("not CSV", binary.Body!["detail"]!.GetValue<string>());
        Assert.Contains("Line 2 is not UTF-8", wrongEncoding.Body!["detail"]!.GetValue<string>());
        Assert.Contains("header naming the columns", noHeader.Body!["detail"]!.GetValue<string>());
        Assert.Contains("shoeSize", unknown.Body!["detail"]!.GetValue<string>());
        Assert.Contains("empty", empty.Body!["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task A200MegabyteFile_IsRefusedWith413_BeforeAnyRowCounts()
    {
        var scim = await factory.NewTenantAsync(keepOwner: true);
        using var admin = factory.PlatformAdmin(scim.AdminKey);
        var file = new StreamContent(new GeneratedCsv("email", 4_200_000, i => $"user{i:D8}@example.com,{new string('a', 25)}"));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");

        var (status, body) = await PreviewAsync(admin, scim.Tenant, file);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.Contains("larger than 100 MB", body!["detail"]!.GetValue<string>());
    }

    [Collection(InMemoryCollection.Name)]
    public sealed class InMemory(InMemoryApiFactory factory) : ImportTests(factory);

    [Collection(PostgresCollection.Name)]
    public sealed class Postgres(PostgresApiFactory factory) : ImportTests(factory);
}
