using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Scim.Api.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Scim.Api.Tests.Pages;

/// <summary>
/// The integration's setup as a customer walks it, in Debian's Chromium: the operator's console, the owner's invitation,
/// sign-in, the platform group, Settings -> Integrations -> SCIM, a token and the endpoint URL copied from the page and
/// used by an identity provider. Each page is saved as a screenshot at desktop and phone width.
/// </summary>
public abstract class ScimSetupInBrowserTests<TFactory>(BrowserSite<TFactory> site) where TFactory : ScimApiFactory, new()
{
    private ScimApiFactory Service => site.Service;

    /// <summary>A tenant as the operator leaves it (connector enabled, not active), its owner signed in with their own password.</summary>
    private async Task<(string Tenant, IPage Page)> OwnerSignedInAsync(int width = BrowserSite<TFactory>.DesktopWidth, string? screenshots = null)
    {
        var tenant = await Service.NewInactiveTenantAsync();
        return (tenant.Id, await PlatformPages.OwnerSignedInAsync(site, tenant.Id, tenant.OwnerEmail, width, screenshots));
    }

    private async Task<HttpResponseMessage> CreateUserAsync(string endpoint, string token, string userName, string email)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint + "/Users")
        {
            Content = new StringContent($$"""
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"{{userName}}","displayName":"Pat Learner",
                 "emails":[{"value":"{{email}}","type":"work","primary":true}],"active":true}
                """, Encoding.UTF8, "application/scim+json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await http.SendAsync(request);
    }

    [Fact]
    public async Task TheWholeSetup_FromTheOperatorConsoleToAUserTheIdPCreated_SigningIn()
    {
        var tenant = "t-" + Guid.NewGuid().ToString("N")[..12];
        var ownerEmail = $"owner@{tenant}.example";
        var console = await site.NewPageAsync();
        await console.GotoAsync("/operator");
        await Screenshots.SaveAsync(console, "operator-sign-in");
        await console.GetByLabel("Operator key").FillAsync(ScimApiFactory.OperatorKey);
        await console.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await console.GetByLabel("Tenant ID").FillAsync(tenant);
        await console.GetByLabel("Platform name").FillAsync("Riverside School");
        await console.GetByRole(AriaRole.Button, new() { Name = "Create tenant" }).ClickAsync();
        await console.GetByLabel("E-mail address").FillAsync(ownerEmail);
        await console.GetByLabel("Role").SelectOptionAsync("owner");
        await console.GetByRole(AriaRole.Button, new() { Name = "Create and invite" }).ClickAsync();
        await Expect(console.GetByText("The person is created")).ToBeVisibleAsync();
        await console.GetByLabel("Connector admin's e-mail").FillAsync(ownerEmail);
        await console.GetByRole(AriaRole.Button, new() { Name = "Enable the connector" }).ClickAsync();
        await Expect(console.GetByText("The SCIM connector is enabled")).ToBeVisibleAsync();
        await Screenshots.SaveAsync(console, "operator-tenant");

        var page = await PlatformPages.OwnerSignedInAsync(site, tenant, ownerEmail, screenshots: "");
        await Screenshots.SaveAsync(page, "home");
        await PlatformPages.OpenScimSettingsAsync(page, "Riverside School");
        await Screenshots.SaveAsync(page, "scim-settings");
        await page.GetByLabel("Identity provider").SelectOptionAsync("okta");
        await page.GetByRole(AriaRole.Button, new() { Name = "Generate token" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Copy token" }).ClickAsync();
        await Expect(page.GetByText("Copied to the clipboard.")).ToBeVisibleAsync();
        var token = await PlatformPages.ClipboardAsync(page);
        await Screenshots.SaveAsync(page, "scim-new-token");
        await page.GetByLabel("Send an email with temporary password to newly created users").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Activate" }).ClickAsync();
        await Expect(page.GetByText("The integration is active")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Copy URL" }).ClickAsync();
        var endpoint = await PlatformPages.ClipboardAsync(page);

        var email = $"pat@{tenant}.example";
        using var created = await CreateUserAsync(endpoint, token, "pat", email);
        await page.GetByRole(AriaRole.Link, new() { Name = "Provisioning log", Exact = true }).ClickAsync();
        var call = page.GetByRole(AriaRole.Row).Filter(new() { HasText = $"POST /scim/v2/{tenant}/Users" });
        await PlatformPages.ReloadUntilShownAsync(page, call);
        await Screenshots.SaveAsync(page, "scim-log");
        await page.GetByRole(AriaRole.Link, new() { Name = "SCIM", Exact = true }).ClickAsync();
        await Expect(page.Locator("#connection-check")).ToContainTextAsync($"POST /scim/v2/{tenant}/Users answered 201");
        await Screenshots.SaveAsync(page, "scim-active");
        var mail = await Service.Inbox.WaitForAsync(email);
        var learner = await site.NewPageAsync();
        await learner.GotoAsync($"/t/{tenant}/login");
        await PlatformPages.SignInAsync(learner, "pat", TestInbox.TemporaryPasswordIn(mail));
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Administration" }).GetByRole(AriaRole.Link, new() { Name = "Users" }).ClickAsync();
        await Screenshots.SaveAsync(page, "users");
        await page.GetByRole(AriaRole.Link, new() { Name = "Pat Learner" }).ClickAsync();
        await Screenshots.SaveAsync(page, "user");
        var learnerPage = page.Url;
        await page.GoBackAsync();
        await page.GoBackAsync();

        Assert.StartsWith("scim_", token);
        Assert.Equal($"{site.Origin}/scim/v2/{tenant}", endpoint);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        await Expect(call).ToContainTextAsync("201");
        await Expect(page.GetByRole(AriaRole.Checkbox, new() { Name = "Send an email with temporary password to newly created users" })).ToBeCheckedAsync();
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Tokens" }).GetByRole(AriaRole.Row).Filter(new() { HasText = "Okta" })).ToContainTextAsync("active");
        await Expect(learner.GetByRole(AriaRole.Heading, new() { Name = "Choose a new password" })).ToBeVisibleAsync();
        Assert.EndsWith($"/t/{tenant}/users/{JsonNode.Parse(await created.Content.ReadAsStringAsync())!["id"]}", learnerPage);
    }

    [Fact]
    public async Task ChoosingEachProvider_ShowsItsGuide_WithTheTenantsUrlAndCustomFields()
    {
        var (tenant, page) = await OwnerSignedInAsync();
        using var operatorClient = Service.Operator();
        using var fields = await operatorClient.PutAsync($"/admin/v1/tenants/{tenant}/custom-fields", new StringContent(
            """{"fields":[{"name":"costCenter","type":"string"}]}""", Encoding.UTF8, "application/json"));
        await PlatformPages.OpenScimSettingsAsync(page);
        var providers = page.GetByRole(AriaRole.Navigation, new() { Name = "Setup guides" });
        var guide = page.Locator("#setup-guide");
        var shown = new Dictionary<string, string>();
        foreach (var name in new[] { "Microsoft Entra ID", "Okta", "OneLogin", "JumpCloud", "Google Workspace", "PingFederate", "Other (any SCIM 2.0 client)" })
        {
            await providers.GetByRole(AriaRole.Link, new() { Name = name, Exact = true }).ClickAsync();
            await Expect(guide.GetByRole(AriaRole.Heading, new() { Name = name, Exact = true })).ToBeVisibleAsync();
            shown[name] = await guide.Locator("input[readonly]").First.InputValueAsync();
            if (name is "Microsoft Entra ID" or "Okta") await Screenshots.SaveAsync(page, $"scim-guide-{name.Split(' ')[^1].ToLowerInvariant()}");
        }
        await guide.GetByRole(AriaRole.Button, new() { Name = "Copy Base URL" }).ClickAsync();
        var copied = await PlatformPages.ClipboardAsync(page);
        var customField = $"urn:ietf:params:scim:schemas:extension:{tenant}:2.0:User:costCenter";
        await guide.GetByRole(AriaRole.Button, new() { Name = $"Copy {customField}" }).ClickAsync();
        var copiedField = await PlatformPages.ClipboardAsync(page);

        Assert.Equal(HttpStatusCode.OK, fields.StatusCode);
        Assert.All(shown.Values, url => Assert.Equal($"{site.Origin}/scim/v2/{tenant}", url));
        Assert.Equal($"{site.Origin}/scim/v2/{tenant}", copied);
        Assert.Equal(customField, copiedField);
        await Expect(providers.GetByRole(AriaRole.Link, new() { Name = "Other (any SCIM 2.0 client)" })).ToHaveAttributeAsync("aria-current", "page");
    }

    [Fact]
    public async Task ARevokedToken_StopsWorking()
    {
        var (tenant, page) = await OwnerSignedInAsync();
        await PlatformPages.OpenScimSettingsAsync(page);
        await page.GetByLabel("Identity provider").SelectOptionAsync("entra");
        await page.GetByLabel("Token name (optional)").FillAsync("Entra production");
        await page.GetByRole(AriaRole.Button, new() { Name = "Generate token" }).ClickAsync();
        var token = await page.GetByLabel("The new token").InputValueAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Activate" }).ClickAsync();
        var endpoint = await page.GetByLabel("Endpoint URL").InputValueAsync();
        using var before = await CreateUserAsync(endpoint, token, "before", $"before@{tenant}.example");

        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Revoke the token Entra production" }).ClickAsync();
        await Expect(page.GetByText("The token is revoked")).ToBeVisibleAsync();
        using var after = await CreateUserAsync(endpoint, token, "after", $"after@{tenant}.example");

        Assert.Equal(HttpStatusCode.Created, before.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Entra production" })).ToContainTextAsync("inactive (revoked)");
    }

    [Fact]
    public async Task APlainUser_SeesNoSettings_AndGetsA403PageThere()
    {
        var (tenant, owner) = await OwnerSignedInAsync();
        await PlatformPages.OpenScimSettingsAsync(owner);
        var settingsUrl = owner.Url;
        using var operatorClient = Service.Operator();
        var user = await operatorClient.PostAsync($"/admin/v1/tenants/{tenant}/users", new StringContent(
            $$"""{"email":"plain@{{tenant}}.example","role":"user"}""", Encoding.UTF8, "application/json"));
        var mail = await Service.Inbox.WaitForAsync($"plain@{tenant}.example");
        var page = await site.NewPageAsync();
        await PlatformPages.SignInInvitedAsync(page, tenant, $"plain@{tenant}.example", TestInbox.TemporaryPasswordIn(mail), "a plain user's passphrase");
        await PlatformPages.Sidebar(page).GetByRole(AriaRole.Link, new() { Name = "Test" }).ClickAsync();
        var settingsLinks = await page.GetByRole(AriaRole.Link, new() { Name = "Settings" }).CountAsync();
        var forbidden = await page.GotoAsync(settingsUrl);
        await Screenshots.SaveAsync(page, "forbidden");

        Assert.Equal(HttpStatusCode.Created, user.StatusCode);
        Assert.Equal(0, settingsLinks);
        Assert.Equal(403, forbidden!.Status);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Only platform admins can open this page" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task ThePagesAtPhoneWidth_KeepEveryControlReachable()
    {
        var (_, page) = await OwnerSignedInAsync(BrowserSite<TFactory>.PhoneWidth, screenshots: "");
        await Screenshots.SaveAsync(page, "home");
        var sidebar = PlatformPages.Sidebar(page);
        var treeFolded = !await sidebar.GetByRole(AriaRole.Link, new() { Name = "Test" }).IsVisibleAsync();
        await sidebar.GetByText("Groups").ClickAsync();
        await PlatformPages.OpenScimSettingsAsync(page);
        await page.GetByLabel("Identity provider").SelectOptionAsync("google");
        await page.GetByRole(AriaRole.Button, new() { Name = "Generate token" }).ClickAsync();
        await Screenshots.SaveAsync(page, "scim-new-token");
        var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth");

        Assert.True(treeFolded, "On a phone the group tree starts folded.");
        Assert.False(overflow, "The page scrolls sideways at phone width.");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Copy token" })).ToBeInViewportAsync();
    }
}

[Collection(InMemoryBrowserCollection.Name)]
public sealed class InMemoryScimSetupInBrowserTests(BrowserSite<InMemoryApiFactory> site) : ScimSetupInBrowserTests<InMemoryApiFactory>(site);

[Collection(PostgresBrowserCollection.Name)]
public sealed class PostgresScimSetupInBrowserTests(BrowserSite<PostgresApiFactory> site) : ScimSetupInBrowserTests<PostgresApiFactory>(site);
