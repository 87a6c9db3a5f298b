using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using MimeKit;
using Scim.Api.Tests.Infrastructure;

namespace Scim.Api.Tests.Pages;

/// <summary>
/// The temporary-password e-mail end to end: the outbox written with the create, the dispatcher, a real SMTP server,
/// then sign-in with the mailed password and the forced change, through the real pipeline.
/// </summary>
public abstract partial class TemporaryPasswordMailTests(ScimApiFactory factory)
{
    private async Task<ScimClient> TenantAsync(bool sendTemporaryPassword)
    {
        var scim = await factory.NewTenantAsync(keepOwner: true);
        using var admin = factory.PlatformAdmin(scim.AdminKey);
        var set = await admin.PutAsJsonAsync($"/api/v1/tenants/{scim.Tenant}/scim/settings", new { identityProvider = "okta", sendTemporaryPasswordEmail = sendTemporaryPassword });
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        return scim;
    }

    private static string Address(ScimClient scim, string name) => $"{name}@{scim.Tenant}.example";

    private static string PasswordIn(MimeMessage mail) => TemporaryPassword().Match(mail.TextBody ?? "").Groups[1].Value;

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

    [GeneratedRegex(@"Temporary password: (\S+)")]
    private static partial Regex TemporaryPassword();

    [Collection(InMemoryCollection.Name)]
    public sealed class InMemory(InMemoryApiFactory factory) : TemporaryPasswordMailTests(factory);

    [Collection(PostgresCollection.Name)]
    public sealed class Postgres(PostgresApiFactory factory) : TemporaryPasswordMailTests(factory);
}
