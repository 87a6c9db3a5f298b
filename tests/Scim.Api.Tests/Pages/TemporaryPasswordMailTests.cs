using System.Net;
using System.Net.Http.Json;
using MimeKit;
using Scim.Api.Tests.Infrastructure;

namespace Scim.Api.Tests.Pages;

/// <summary>
/// The temporary-password e-mail end to end: the outbox written with the create, the dispatcher, a real SMTP server,
/// then sign-in with the mailed password and the forced change, through the real pipeline.
/// </summary>
public abstract class TemporaryPasswordMailTests(ScimApiFactory factory)
{
    private Task<ScimClient> TenantAsync(bool sendTemporaryPassword) => factory.NewMailingTenantAsync(sendTemporaryPassword);

    private static string Address(ScimClient scim, string name) => $"{name}@{scim.Tenant}.example";

    private static string PasswordIn(MimeMessage mail) => TestInbox.TemporaryPasswordIn(mail);

    [Fact]
    public async Task ACreatedUser_GetsATemporaryPassword_SignsInWithIt_AndMustChooseTheirOwn()
    {
        var scim = await TenantAsync(sendTemporaryPassword: true);
        var address = Address(scim, "new.teacher");
        await scim.CreateUserAsync("new.teacher", $$""","displayName":"New Teacher","emails":[{"value":"{{address}}","primary":true}]""");

        var mail = await factory.Inbox.WaitForAsync(address);
        var password = PasswordIn(mail);
        using var browser = factory.Browser();
        var signedIn = await browser.SignInAsync(scim.Tenant, "new.teacher", password);
        var home = await browser.GetAsync($"/t/{scim.Tenant}/");
        var changed = await browser.SubmitAsync($"/t/{scim.Tenant}/password", new Dictionary<string, string>
        {
            ["CurrentPassword"] = password, ["NewPassword"] = "my own passphrase", ["ConfirmPassword"] = "my own passphrase",
        });
        using var later = factory.Browser();
        var withTemporary = await later.SignInAsync(scim.Tenant, "new.teacher", password);
        var withOwn = await later.SignInAsync(scim.Tenant, "new.teacher", "my own passphrase");

        Assert.True(password.Length >= 16, $"'{password}' is too short for a temporary password.");
        Assert.Equal("Test", mail.From.Mailboxes.Single().Name);
        Assert.Equal("platform@service.example", mail.From.Mailboxes.Single().Address);
        Assert.Contains($"https://scim.test.example/t/{scim.Tenant}/login", mail.TextBody);
        Assert.Contains("new.teacher", mail.HtmlBody);
        Assert.Contains(password, mail.HtmlBody);
        Assert.Equal($"/t/{scim.Tenant}/password", signedIn.Location);
        Assert.Equal($"/t/{scim.Tenant}/password", home.Location);
        Assert.Equal(HttpStatusCode.Redirect, changed.Status);
        Assert.Equal(HttpStatusCode.OK, withTemporary.Status);
        Assert.Equal($"/t/{scim.Tenant}/", withOwn.Location);
    }

    [Fact]
    public async Task WithTheSettingOff_OrAPasswordFromTheIdP_NoMailGoesOut_AndTheIdPsPasswordSignsIn()
    {
        var off = await TenantAsync(sendTemporaryPassword: false);
        var on = await TenantAsync(sendTemporaryPassword: true);
        var settingOff = Address(off, "off");
        var withPassword = Address(on, "has.password");
        var witness = Address(on, "witness");
        await off.CreateUserAsync("off", $$""","emails":[{"value":"{{settingOff}}","primary":true}]""");
        await on.CreateUserAsync("has.password", $$""","password":"the idp's passphrase","emails":[{"value":"{{withPassword}}","primary":true}]""");
        await on.CreateUserAsync("witness", $$""","emails":[{"value":"{{witness}}","primary":true}]""");

        // The dispatcher sends in the order messages became due: once the last user's mail is here, the others' would be.
        await factory.Inbox.WaitForAsync(witness);
        using var browser = factory.Browser();
        var signedIn = await browser.SignInAsync(on.Tenant, "has.password", "the idp's passphrase");

        Assert.Empty(factory.Inbox.To(settingOff));
        Assert.Empty(factory.Inbox.To(withPassword));
        Assert.Equal($"/t/{on.Tenant}/", signedIn.Location);
    }

    [Fact]
    public async Task APlatformUserTheOperatorCreates_IsInvited_AndSignsInWithTheInvitation()
    {
        var tenant = await factory.NewInactiveTenantAsync();

        var mail = await factory.Inbox.WaitForAsync(tenant.OwnerEmail);
        using var browser = factory.Browser();
        var signedIn = await browser.SignInAsync(tenant.Id, tenant.OwnerEmail, PasswordIn(mail));

        Assert.Equal("Your invitation to Test", mail.Subject);
        Assert.Equal($"/t/{tenant.Id}/password", signedIn.Location);
    }

    [Fact]
    public async Task MailWhileTheMailServerFails_GoesOutOnceItRecovers_NoneLostNoneTwice()
    {
        var scim = await TenantAsync(sendTemporaryPassword: true);
        var addresses = Enumerable.Range(1, 3).Select(i => Address(scim, $"patient{i}")).ToList();
        var refusedBefore = factory.Inbox.Refused;
        factory.Inbox.Refusing = true;
        try
        {
            for (var i = 0; i < addresses.Count; i++)
                await scim.CreateUserAsync($"patient{i + 1}", $$""","emails":[{"value":"{{addresses[i]}}","primary":true}]""");
            var until = DateTime.UtcNow.AddSeconds(20);
            while (factory.Inbox.Refused - refusedBefore < addresses.Count && DateTime.UtcNow < until) await Task.Delay(50);
        }
        finally
        {
            factory.Inbox.Refusing = false;
        }
        // Past the longest wait between attempts, so the retries are due now rather than in seconds.
        factory.Clock.Advance(TimeSpan.FromMinutes(11));

        foreach (var address in addresses) await factory.Inbox.WaitForAsync(address);

        Assert.True(factory.Inbox.Refused - refusedBefore >= addresses.Count);
        Assert.All(addresses, address => Assert.Single(factory.Inbox.To(address)));
    }

    [Fact]
    public async Task AnAdmin_SeesWhereAUsersMailStands_AndSendsAFreshPassword_WhichAloneSignsIn()
    {
        var scim = await TenantAsync(sendTemporaryPassword: true);
        using var admin = factory.PlatformAdmin(scim.AdminKey);
        var address = Address(scim, "resend");
        var userId = await scim.CreateUserAsync("resend", $$""","emails":[{"value":"{{address}}","primary":true}]""");
        var noAddress = await scim.CreateUserAsync("no.address");
        var first = PasswordIn(await factory.Inbox.WaitForAsync(address));
        var users = $"/api/v1/tenants/{scim.Tenant}/scim/users";

        // The message reaches the inbox a moment before the sender records it as sent.
        var state = await MailStateAsync(admin, scim.Tenant, userId, "sent");
        var resent = await admin.PostAsync($"{users}/{userId}/temporary-password", null);
        var until = DateTime.UtcNow.AddSeconds(20);
        while (factory.Inbox.To(address).Count < 2 && DateTime.UtcNow < until) await Task.Delay(50);
        var second = PasswordIn(factory.Inbox.To(address)[^1]);
        using var browser = factory.Browser();
        var withFirst = await browser.SignInAsync(scim.Tenant, "resend", first);
        var withSecond = await browser.SignInAsync(scim.Tenant, "resend", second);

        Assert.Equal("temporary-password", state!["kind"]!.GetValue<string>());
        Assert.Equal("sent", state["status"]!.GetValue<string>());
        Assert.DoesNotContain(first, state.ToJsonString());
        Assert.Equal(HttpStatusCode.Accepted, resent.StatusCode);
        Assert.Equal(2, factory.Inbox.To(address).Count);
        Assert.NotEqual(first, second);
        Assert.Equal(HttpStatusCode.OK, withFirst.Status);
        Assert.Equal($"/t/{scim.Tenant}/password", withSecond.Location);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsync($"{users}/{noAddress}/temporary-password", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"{users}/{noAddress}/mail")).StatusCode);
    }

    [Fact]
    public async Task TheLogOfEachCreate_SaysWhereItsMailStands_OrWhyThereIsNone()
    {
        var scim = await TenantAsync(sendTemporaryPassword: true);
        using var admin = factory.PlatformAdmin(scim.AdminKey);
        var queued = await scim.CreateUserAsync("queued", $$""","emails":[{"value":"{{Address(scim, "queued")}}","primary":true}]""");
        var withPassword = await scim.CreateUserAsync("with.password", $$""","password":"a passphrase of its own","emails":[{"value":"{{Address(scim, "with.password")}}"}]""");
        var withoutAddress = await scim.CreateUserAsync("without.address");

        await factory.Inbox.WaitForAsync(Address(scim, "queued"));

        // The log is written in the background, and the queued mail's state is read when the log is.
        var notes = new Dictionary<string, string?>();
        var until = DateTime.UtcNow.AddSeconds(20);
        while ((notes.Count < 3 || notes[queued]?.Contains("sent") != true) && DateTime.UtcNow < until)
        {
            var log = await admin.GetFromJsonAsync<System.Text.Json.Nodes.JsonObject>($"/api/v1/tenants/{scim.Tenant}/scim/log?status=201");
            notes = log!["entries"]!.AsArray().Where(e => e!["method"]!.GetValue<string>() == "POST")
                .ToDictionary(e => e!["resourceId"]!.GetValue<string>(), e => e!["note"]?.GetValue<string>());
            await Task.Delay(50);
        }

        Assert.StartsWith("Temporary-password e-mail sent 20", notes[queued]);
        Assert.Contains("identity provider set a password", notes[withPassword]);
        Assert.Contains("no e-mail address", notes[withoutAddress]);
    }

    [Fact]
    public async Task AMalformedAddress_IsCreated_AndItsMailFailsWithTheReason()
    {
        var scim = await TenantAsync(sendTemporaryPassword: true);
        using var admin = factory.PlatformAdmin(scim.AdminKey);
        var userId = await scim.CreateUserAsync("bad.address", ""","emails":[{"value":"not an address","primary":true}]""");

        var state = await MailStateAsync(admin, scim.Tenant, userId, "failed");

        Assert.Equal("failed", state!["status"]!.GetValue<string>());
        Assert.Contains("not an e-mail address", state["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task ABulkPost_MailsItsUser_AndAnOktaRePostThatReactivatesAUser_MailsNothingMore()
    {
        var scim = await TenantAsync(sendTemporaryPassword: true);
        var bulk = Address(scim, "bulk");
        var returning = Address(scim, "returning");
        var posted = await scim.PostAsync("/Bulk", $$"""
            { "schemas": ["urn:ietf:params:scim:api:messages:2.0:BulkRequest"], "Operations": [
              { "method": "POST", "path": "/Users", "bulkId": "b", "data": { "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"],
                "userName": "bulk", "emails": [ { "value": "{{bulk}}", "primary": true } ] } } ] }
            """);
        var user = $$""","externalId":"okta-1","emails":[{"value":"{{returning}}","primary":true}]""";
        var id = await scim.CreateUserAsync("returning", user);
        await factory.Inbox.WaitForAsync(returning);
        await scim.PatchAsync($"/Users/{id}", """{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","path":"active","value":false}]}""");
        var rePosted = await scim.PostAsync("/Users", $$"""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"returning","active":true{{user}}}""");
        var witness = Address(scim, "witness");
        await scim.CreateUserAsync("witness", $$""","emails":[{"value":"{{witness}}","primary":true}]""");

        await factory.Inbox.WaitForAsync(bulk);
        await factory.Inbox.WaitForAsync(witness);

        Assert.Equal(HttpStatusCode.OK, posted.Status);
        Assert.Equal(id, rePosted.Id);
        Assert.Single(factory.Inbox.To(returning));
    }

    [Fact]
    public async Task ATenKilobyteDisplayName_IsRefusedWithItsReason_AndNeitherAUserNorAMailIsMade()
    {
        var scim = await TenantAsync(sendTemporaryPassword: true);
        var address = Address(scim, "long.name");
        var witness = Address(scim, "witness");

        var refused = await scim.PostAsync("/Users", $$"""
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"long.name","displayName":"{{new string('n', 10_240)}}",
             "emails":[{"value":"{{address}}","primary":true}]}
            """);
        await scim.CreateUserAsync("witness", $$""","emails":[{"value":"{{witness}}","primary":true}]""");
        await factory.Inbox.WaitForAsync(witness);
        var found = await scim.GetAsync("/Users?filter=userName%20eq%20%22long.name%22");

        refused.AssertError(HttpStatusCode.BadRequest, "invalidValue");
        Assert.Contains("displayName", refused.Body!["detail"]!.GetValue<string>());
        Assert.Equal(0, found.Body!["totalResults"]!.GetValue<int>());
        Assert.Empty(factory.Inbox.To(address));
    }

    [Fact]
    public async Task ALineBreakInADisplayName_AddsNoHeader()
    {
        var scim = await TenantAsync(sendTemporaryPassword: true);
        var address = Address(scim, "crafty");
        await scim.CreateUserAsync("crafty", $$""","displayName":"Crafty\r\nBcc: thief@evil.example","emails":[{"value":"{{address}}","primary":true}]""");

        var mail = await factory.Inbox.WaitForAsync(address);

        Assert.Empty(mail.Bcc);
        Assert.Null(mail.Headers[HeaderId.Bcc]);
        Assert.Equal(address, mail.To.Mailboxes.Single().Address);
        Assert.Empty(factory.Inbox.To("thief@evil.example"));
    }

    /// <summary>A user's mail state once it reads <paramref name="status"/> (or after 20 s, whatever it reads then).</summary>
    private static async Task<System.Text.Json.Nodes.JsonObject> MailStateAsync(HttpClient admin, string tenant, string userId, string status)
    {
        var until = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var state = (await admin.GetFromJsonAsync<System.Text.Json.Nodes.JsonObject>($"/api/v1/tenants/{tenant}/scim/users/{userId}/mail"))!;
            if (state["status"]?.GetValue<string>() == status || DateTime.UtcNow >= until) return state;
            await Task.Delay(50);
        }
    }

    [Collection(InMemoryCollection.Name)]
    public sealed class InMemory(InMemoryApiFactory factory) : TemporaryPasswordMailTests(factory);

    [Collection(PostgresCollection.Name)]
    public sealed class Postgres(PostgresApiFactory factory) : TemporaryPasswordMailTests(factory);
}
