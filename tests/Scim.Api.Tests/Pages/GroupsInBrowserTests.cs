using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Scim.Api.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Scim.Api.Tests.Pages;

/// <summary>Arranging the group tree in the browser, as admins do "manually in the platform", and what SCIM then shows.</summary>
public abstract class GroupsInBrowserTests<TFactory>(BrowserSite<TFactory> site) where TFactory : ScimApiFactory, new()
{
    private static Dictionary<string, string> GroupsOf(JsonNode user) =>
        user["groups"]!.AsArray().ToDictionary(g => g!["display"]!.GetValue<string>(), g => g!["type"]!.GetValue<string>());

    [Fact]
    public async Task MovingAGroupOnThePage_ShowsInItsMembersScimGroups_AndACycleIsRefusedWithAMessage()
    {
        var scim = await site.Service.NewTenantAsync(keepOwner: true);
        var learner = await scim.CreateUserAsync("lee");
        await scim.CreateGroupAsync("Grade 7");
        await scim.CreateGroupAsync("Class 7C", $$"""[{"value":"{{learner}}"}]""");
        var page = await PlatformPages.OwnerSignedInAsync(site, scim.Tenant, $"owner@{scim.Tenant}.example");

        await PlatformPages.Sidebar(page).GetByRole(AriaRole.Link, new() { Name = "Class 7C" }).ClickAsync();
        await page.GetByLabel("Find the group to move it under").FillAsync("Grade");
        await page.GetByLabel("Find the group to move it under").PressAsync("Enter");
        await page.GetByRole(AriaRole.Button, new() { Name = "Move under Grade 7" }).ClickAsync();
        await Expect(page.GetByText("The group moved")).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "group");
        var moved = GroupsOf((await scim.GetAsync($"/Users/{learner}")).Body!);

        await PlatformPages.Sidebar(page).GetByRole(AriaRole.Link, new() { Name = "Grade 7" }).ClickAsync();
        await page.GetByLabel("Find the group to move it under").FillAsync("7C");
        await page.GetByRole(AriaRole.Button, new() { Name = "Find" }).Last.ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Move under Class 7C" }).ClickAsync();
        await Screenshots.SaveAsync(page, "group-cycle-refused");

        Assert.Equal(new Dictionary<string, string> { ["Class 7C"] = "direct", ["Grade 7"] = "indirect" }, moved);
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("The group was not moved");
        await Expect(PlatformPages.Sidebar(page).GetByRole(AriaRole.Link, new() { Name = "Class 7C" })).ToBeVisibleAsync();
        Assert.Equal(new Dictionary<string, string> { ["Class 7C"] = "direct", ["Grade 7"] = "indirect" }, GroupsOf((await scim.GetAsync($"/Users/{learner}")).Body!));
    }
}

[Collection(InMemoryBrowserCollection.Name)]
public sealed class InMemoryGroupsInBrowserTests(BrowserSite<InMemoryApiFactory> site) : GroupsInBrowserTests<InMemoryApiFactory>(site);

[Collection(PostgresBrowserCollection.Name)]
public sealed class PostgresGroupsInBrowserTests(BrowserSite<PostgresApiFactory> site) : GroupsInBrowserTests<PostgresApiFactory>(site);
