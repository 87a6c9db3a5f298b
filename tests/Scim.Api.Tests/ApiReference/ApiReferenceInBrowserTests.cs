using Microsoft.Playwright;
using Scim.Api.Tests.Infrastructure;

namespace Scim.Api.Tests.ApiReference;

/// <summary>The API reference at /docs renders in Chromium, offline, from the service's own OpenAPI document.</summary>
[Collection(InMemoryBrowserCollection.Name)]
public sealed class ApiReferenceInBrowserTests(BrowserSite<InMemoryApiFactory> site)
{
    [Theory]
    [InlineData(BrowserSite<InMemoryApiFactory>.DesktopWidth)]
    [InlineData(BrowserSite<InMemoryApiFactory>.PhoneWidth)]
    public async Task TheReference_ShowsTheThreeApisAndTheScimOperations(int width)
    {
        var page = await site.NewPageAsync(width);

        await page.GotoAsync("/docs");
        await Assertions.Expect(page.GetByText("SCIM provisioning service").First).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await Screenshots.SaveAsync(page, "api-reference", wholePage: false);
        await page.GetByRole(AriaRole.Heading, new() { Name = "/scim/v2/{tenant}/Users" }).First.ScrollIntoViewIfNeededAsync();
        await Screenshots.SaveAsync(page, "api-reference-users", wholePage: false);

        var text = await page.ContentAsync();
        Assert.Contains("operator API", text);
        Assert.Contains("platform admin API", text);
        Assert.Contains("/scim/v2/{tenant}/Users", text);
    }
}
