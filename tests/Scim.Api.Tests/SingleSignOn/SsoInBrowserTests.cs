using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Scim.Api.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Scim.Api.Tests.SingleSignOn;

/// <summary>
/// Single sign-on as a customer sets it up and their people use it, in Debian's Chromium against the test identity
/// provider: the owner fills Settings -> Integrations -> Single sign-on, proves it with a test sign-in and turns on "SSO
/// only"; a user the IdP provisioned signs in with the button and sees their groups; someone the platform does not know
/// gets the refusal page. Each page is saved as a screenshot at desktop and phone width.
/// </summary>
public abstract class SsoInBrowserTests<TFactory>(BrowserSite<TFactory> site) where TFactory : ScimApiFactory, new()
{
    private const string Secret = "browser-test-client-secret";

    /// <summary>The tenant's integration activated with an admin key, and a SCIM client for its endpoint on the real port.</summary>
    private async Task<(string Tenant, string OwnerEmail, ScimClient Scim)> ActiveTenantAsync()
    {
        var tenant = await site.Service.NewInactiveTenantAsync();
        using var platform = site.Service.PlatformAdmin(tenant.AdminKey);
        (await platform.PostAsync($"/api/v1/tenants/{tenant.Id}/scim/activate", null)).EnsureSuccessStatusCode();
        var issued = await platform.PostAsJsonAsync($"/api/v1/tenants/{tenant.Id}/scim/tokens", new { identityProvider = "okta" });
        var token = JsonNode.Parse(await issued.Content.ReadAsStringAsync())!["token"]!.GetValue<string>();
        return (tenant.Id, tenant.OwnerEmail, new ScimClient(site.Service.CreateClient(), tenant.Id, token));
    }

    private static async Task<bool> ScrollsSidewaysAsync(IPage page) =>
        await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > document.documentElement.clientWidth");

    [Fact]
    public async Task TheOwnerSetsUpAndProvesSingleSignOn_AndAProvisionedUserSignsInWithIt()
    {
        var provider = await TestOidcProvider.SharedAsync();
        var (tenant, ownerEmail, scim) = await ActiveTenantAsync();
        var alice = await scim.CreateUserAsync("alice", $$""","displayName":"Alice Teacher","emails":[{"value":"alice@{{tenant}}.example","primary":true}]""");
        await scim.CreateGroupAsync("Teachers", $$"""[{"value":"{{alice}}"}]""");
        provider.Register(tenant, Secret, $"{site.Origin}/t/{tenant}/signin-oidc", $"{site.Origin}/t/{tenant}/signout-oidc");

        var page = await PlatformPages.OwnerSignedInAsync(site, tenant, ownerEmail);
        await PlatformPages.OpenScimSettingsAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Single sign-on" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Single sign-on", Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Redirect URI (sign-in)")).ToHaveValueAsync($"{site.Origin}/t/{tenant}/signin-oidc");
        await Screenshots.SaveAsync(page, "sso-settings-new");
        await page.GetByLabel("Issuer URL").FillAsync(provider.Issuer);
        await page.GetByLabel("Client ID").FillAsync(tenant);
        await page.GetByLabel("Client secret").FillAsync(Secret);
        await page.GetByLabel("Button label").FillAsync("Test IdP");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(page.GetByText("Run a test sign-in to prove them")).ToBeVisibleAsync();
        await Expect(page.GetByLabel("SSO only: turn off password sign-in for everyone but the owner")).ToBeDisabledAsync();
        await Expect(page.GetByLabel("Client secret")).ToHaveValueAsync("");
        Assert.DoesNotContain(Secret, await page.ContentAsync());

        provider.SignInAs(tenant, new TestOidcProvider.Identity("owner-sub", ownerEmail));
        await page.GetByRole(AriaRole.Link, new() { Name = "Test sign-in" }).ClickAsync();
        await Expect(page.GetByText("The test sign-in worked")).ToBeVisibleAsync();
        await page.GetByLabel("SSO only: turn off password sign-in for everyone but the owner").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(page.GetByText("On, SSO only")).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "sso-settings");

        var person = await site.NewPageAsync();
        await person.GotoAsync($"/t/{tenant}/login");
        await Screenshots.SaveAsync(person, "sign-in-sso");
        provider.SignInAs(tenant, new TestOidcProvider.Identity("alice-sub", $"alice@{tenant}.example"));
        await person.GetByRole(AriaRole.Link, new() { Name = "Sign in with Test IdP" }).ClickAsync();
        await Expect(person.GetByText("Alice Teacher").First).ToBeVisibleAsync();
        await Expect(person.GetByText("Teachers").First).ToBeVisibleAsync();
        Assert.Equal($"{site.Origin}/t/{tenant}/", person.Url);
        await Screenshots.SaveAsync(person, "home-after-sso");

        var stranger = await site.NewPageAsync();
        await stranger.GotoAsync($"/t/{tenant}/login");
        provider.SignInAs(tenant, new TestOidcProvider.Identity("stranger-sub", $"stranger@{tenant}.example"));
        await stranger.GetByRole(AriaRole.Link, new() { Name = "Sign in with Test IdP" }).ClickAsync();
        await Expect(stranger.GetByRole(AriaRole.Heading, new() { Name = "You could not be signed in" })).ToBeVisibleAsync();
        await Expect(stranger.GetByText("no user of this platform matches your account")).ToBeVisibleAsync();
        await Screenshots.SaveAsync(stranger, "sso-refused");

        var phone = await site.NewPageAsync(BrowserSite<TFactory>.PhoneWidth);
        await phone.GotoAsync($"/t/{tenant}/login");
        await Screenshots.SaveAsync(phone, "sign-in-sso");
        await PlatformPages.SignInAsync(phone, ownerEmail, PlatformPages.OwnerPassword);
        await phone.GotoAsync(page.Url.Split('?')[0]);
        await Expect(phone.GetByRole(AriaRole.Heading, new() { Name = "Single sign-on", Exact = true })).ToBeVisibleAsync();
        await Screenshots.SaveAsync(phone, "sso-settings");
        Assert.False(await ScrollsSidewaysAsync(phone), "The single sign-on page scrolls sideways at phone width.");
        await stranger.SetViewportSizeAsync(BrowserSite<TFactory>.PhoneWidth, 900);
        await Screenshots.SaveAsync(stranger, "sso-refused");
    }

    [Fact]
    public async Task EachRefusal_ShowsAPageThatSaysWhatToDoNext()
    {
        var sso = await SsoTenants.NewAsync(site.Service, origin: site.Origin);
        var other = await SsoTenants.NewAsync(site.Service, origin: site.Origin);
        await SsoTenants.ProvisionAsync(sso, "alice", "alice@school.example");
        await SsoTenants.ProvisionAsync(sso, "dora", "dora@school.example", active: false);
        await SsoTenants.ProvisionAsync(other, "bob", "bob@elsewhere.example");
        await sso.Scim.CreateUserAsync("carol", $$""","password":"{{InvitedOwners.Password}}" """);

        async Task<IPage> SignInAsync(string email)
        {
            sso.Provider.SignInAs(sso.Tenant, new TestOidcProvider.Identity("sub-" + email, email));
            var page = await site.NewPageAsync();
            await page.GotoAsync($"/t/{sso.Tenant}/login");
            await page.GetByRole(AriaRole.Link, new() { Name = "Sign in with Test IdP" }).ClickAsync();
            return page;
        }
        async Task RefusedAsync(IPage page, string explanation)
        {
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "You could not be signed in" })).ToBeVisibleAsync();
            await Expect(page.GetByText(explanation)).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Back to the sign-in page" })).ToBeVisibleAsync();
        }

        var deactivated = await SignInAsync("dora@school.example");
        await RefusedAsync(deactivated, "Your account on this platform is deactivated");
        await Screenshots.SaveAsync(deactivated, "sso-refused-deactivated");
        await RefusedAsync(await SignInAsync("bob@elsewhere.example"), "no user of this platform matches your account");
        sso.Provider.AlterStateFor(sso.Tenant, true);
        await RefusedAsync(await SignInAsync("alice@school.example"), "did not complete");
        sso.Provider.AlterStateFor(sso.Tenant, false);
        sso.Provider.IssueTokensFor(sso.Tenant, "another-application");
        await RefusedAsync(await SignInAsync("alice@school.example"), "did not complete");
        sso.Provider.IssueTokensFor(sso.Tenant, null);
        var alice = await SignInAsync("alice@school.example");
        await Expect(alice).ToHaveURLAsync($"{site.Origin}/t/{sso.Tenant}/");

        using var admin = site.Service.Operator();
        (await admin.PutAsJsonAsync($"/api/v1/tenants/{sso.Tenant}/sso",
            new { issuer = sso.Provider.Issuer, clientId = sso.Tenant, claim = "email", displayName = "Test IdP", ssoOnly = true })).EnsureSuccessStatusCode();
        var carol = await site.NewPageAsync();
        await carol.GotoAsync($"/t/{sso.Tenant}/login");
        await PlatformPages.SignInAsync(carol, "carol", InvitedOwners.Password);
        await Expect(carol.GetByText("This platform signs in with Test IdP: use the “Sign in with Test IdP” button.")).ToBeVisibleAsync();
        await Screenshots.SaveAsync(carol, "sign-in-sso-only-refused");
    }
}

[Collection(InMemoryBrowserCollection.Name)]
public sealed class InMemorySsoInBrowserTests(BrowserSite<InMemoryApiFactory> site) : SsoInBrowserTests<InMemoryApiFactory>(site);

[Collection(PostgresBrowserCollection.Name)]
public sealed class PostgresSsoInBrowserTests(BrowserSite<PostgresApiFactory> site) : SsoInBrowserTests<PostgresApiFactory>(site);
