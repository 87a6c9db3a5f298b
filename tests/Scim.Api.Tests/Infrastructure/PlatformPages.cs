using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Scim.Api.Tests.Infrastructure;

/// <summary>What a person does on the platform's pages in a browser, as the browser tests share it.</summary>
public static class PlatformPages
{
    public const string OwnerPassword = "a long owner passphrase";

    public static async Task SignInAsync(IPage page, string login, string password)
    {
        await page.GetByLabel("Username or e-mail address").FillAsync(login);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }

    /// <summary>Signs in with the temporary password an invitation carries and chooses <paramref name="password"/>.</summary>
    public static async Task SignInInvitedAsync(IPage page, string tenant, string login, string temporaryPassword, string password, string? screenshots = null)
    {
        await page.GotoAsync($"/t/{tenant}/");
        if (screenshots is not null) await Screenshots.SaveAsync(page, $"{screenshots}sign-in");
        await SignInAsync(page, login, temporaryPassword);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Choose a new password" })).ToBeVisibleAsync();
        if (screenshots is not null) await Screenshots.SaveAsync(page, $"{screenshots}choose-password");
        await page.GetByLabel("Temporary password").FillAsync(temporaryPassword);
        await page.GetByLabel("New password", new() { Exact = true }).FillAsync(password);
        await page.GetByLabel("New password again").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the new password" }).ClickAsync();
        await Expect(page.GetByText("Your new password is saved.")).ToBeVisibleAsync();
    }

    /// <summary>A tenant's owner, invited by the operator, signed in with their own password in a fresh window.</summary>
    public static async Task<IPage> OwnerSignedInAsync<TFactory>(BrowserSite<TFactory> site, string tenant, string ownerEmail,
        int width = BrowserSite<TFactory>.DesktopWidth, string? screenshots = null) where TFactory : ScimApiFactory, new()
    {
        var invitation = await site.Service.Inbox.WaitForAsync(ownerEmail);
        var page = await site.NewPageAsync(width);
        await SignInInvitedAsync(page, tenant, ownerEmail, TestInbox.TemporaryPasswordIn(invitation), OwnerPassword, screenshots);
        return page;
    }

    /// <summary>The group tree in the left sidebar.</summary>
    public static ILocator Sidebar(IPage page) => page.GetByRole(AriaRole.Navigation, new() { Name = "Groups" });

    /// <summary>From any page: the platform group in the sidebar, then Settings at its top right.</summary>
    public static async Task OpenScimSettingsAsync(IPage page, string platformName = "Test")
    {
        await Sidebar(page).GetByRole(AriaRole.Link, new() { Name = platformName }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Settings" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "SCIM provisioning" })).ToBeVisibleAsync();
    }

    public static Task<string> ClipboardAsync(IPage page) => page.EvaluateAsync<string>("() => navigator.clipboard.readText()");

    /// <summary>The provisioning log is written off the request path: its entry shows on a reload shortly after.</summary>
    public static async Task ReloadUntilShownAsync(IPage page, ILocator locator)
    {
        for (var attempt = 0; attempt < 40 && await locator.CountAsync() == 0; attempt++)
        {
            await Task.Delay(250);
            await page.ReloadAsync();
        }
    }
}
