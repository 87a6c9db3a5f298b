using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;
using Scim.Api.Tests.Infrastructure;

namespace Scim.Api.Tests.Pages;

/// <summary>
/// Every page checked by axe-core in Chromium, at desktop and phone width: labels on every control, names on every
/// button and link, contrast, landmarks and headings. Any violation fails with the page, the rule and the elements.
/// Each page's screenshot is saved on the way.
/// </summary>
public abstract class AccessibilityInBrowserTests<TFactory>(BrowserSite<TFactory> site) where TFactory : ScimApiFactory, new()
{
    [Theory]
    [InlineData(BrowserSite<InMemoryApiFactory>.DesktopWidth)]
    [InlineData(BrowserSite<InMemoryApiFactory>.PhoneWidth)]
    public async Task EveryPage_PassesTheAccessibilityRules(int width)
    {
        var scim = await site.Service.NewTenantAsync(keepOwner: true);
        var user = await scim.CreateUserAsync("amy", $$""","displayName":"Amy Reader","emails":[{"value":"amy@{{scim.Tenant}}.example","primary":true}]""");
        var group = await scim.CreateGroupAsync("Readers", $$"""[{"value":"{{user}}"}]""");
        var page = await PlatformPages.OwnerSignedInAsync(site, scim.Tenant, $"owner@{scim.Tenant}.example", width);
        var platformGroup = await site.Service.GroupAdmin(scim.Tenant).PlatformGroupIdAsync();
        var scimSettings = $"/t/{scim.Tenant}/groups/{platformGroup}/settings/integrations/scim";
        var violations = new List<string>();

        foreach (var (name, path) in new[]
        {
            ("home", $"/t/{scim.Tenant}/"), ("password", $"/t/{scim.Tenant}/password"), ("platform-group", $"/t/{scim.Tenant}/groups/{platformGroup}"),
            ("group-admin", $"/t/{scim.Tenant}/groups/{group}?findUser=amy&findParent=Read"), ("scim-settings", scimSettings),
            ("scim-log", $"{scimSettings}/log"), ("users", $"/t/{scim.Tenant}/users"), ("user", $"/t/{scim.Tenant}/users/{user}"),
            ("sso-settings", $"/t/{scim.Tenant}/groups/{platformGroup}/settings/integrations/sso"), ("users-import", $"/t/{scim.Tenant}/users/import"),
        })
        {
            await page.GotoAsync(path);
            violations.AddRange(await CheckAsync(page, name));
        }
        await page.GotoAsync($"/t/{scim.Tenant}/users/import");
        await page.GetByLabel("CSV file").SetInputFilesAsync(new FilePayload
        {
            Name = "learners.csv", MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes("email,active\nnew@example.com,true\nbad@example.com,perhaps\n"),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Check the file" }).ClickAsync();
        await Expect(page.Locator("#import-job")).ToContainTextAsync("Checked: nothing has changed yet", new() { Timeout = 60_000 });
        violations.AddRange(await CheckAsync(page, "import-checked"));
        await page.GotoAsync(scimSettings);
        await page.GetByRole(AriaRole.Button, new() { Name = "Generate token" }).ClickAsync();
        violations.AddRange(await CheckAsync(page, "scim-new-token"));

        var stranger = await site.NewPageAsync(width);
        await stranger.GotoAsync($"/t/{scim.Tenant}/login");
        violations.AddRange(await CheckAsync(stranger, "sign-in"));
        await stranger.GotoAsync($"/t/{scim.Tenant}/sso/refused?reason=unknown-user");
        violations.AddRange(await CheckAsync(stranger, "sso-refused"));

        var console = await site.NewPageAsync(width);
        await console.GotoAsync("/operator/login");
        violations.AddRange(await CheckAsync(console, "operator-sign-in"));
        await console.GetByLabel("Operator key").FillAsync(ScimApiFactory.OperatorKey);
        await console.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        violations.AddRange(await CheckAsync(console, "operator-tenants"));
        await console.GotoAsync($"/operator/tenants/{scim.Tenant}");
        violations.AddRange(await CheckAsync(console, "operator-tenant"));

        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    /// <summary>Saves the page's screenshot (every page, at both widths, lands in artifacts/screenshots) and runs axe on it.</summary>
    private static async Task<IEnumerable<string>> CheckAsync(IPage page, string name)
    {
        await Screenshots.SaveAsync(page, name);
        var result = await page.RunAxe();
        return result.Violations.Select(v => $"{page.Url}: {v.Id} ({v.Help}) at {string.Join("; ", v.Nodes.Select(n => n.Html))}");
    }
}

[Collection(InMemoryBrowserCollection.Name)]
public sealed class InMemoryAccessibilityInBrowserTests(BrowserSite<InMemoryApiFactory> site) : AccessibilityInBrowserTests<InMemoryApiFactory>(site);
