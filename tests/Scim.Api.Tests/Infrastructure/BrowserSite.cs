using Microsoft.Playwright;

namespace Scim.Api.Tests.Infrastructure;

/// <summary>
/// The service on a real port with Debian's Chromium driven by Playwright, shared by the browser tests of one backend.
/// Playwright's own browser download is never used: the test command installs the <c>chromium</c> package.
/// </summary>
public class BrowserSite<TFactory> : IAsyncLifetime where TFactory : ScimApiFactory, new()
{
    public const string ChromiumPath = "/usr/bin/chromium";
    public const int DesktopWidth = 1280;
    public const int PhoneWidth = 390;

    private IPlaywright? playwright;
    private IBrowser? browser;

    public TFactory Service { get; } = new();

    /// <summary>Where the service listens, e.g. http://localhost:41234.</summary>
    public string Origin { get; private set; } = "";

    public async Task InitializeAsync()
    {
        Assert.True(File.Exists(ChromiumPath), $"{ChromiumPath} is missing: install Debian's chromium package (scripts/test.sh does).");
        Origin = Service.ServeOnKestrel();
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = ChromiumPath, Args = ["--no-sandbox"] });
    }

    /// <summary>A fresh browser window (its own cookies) of the given width, allowed to use the clipboard as a person's is.</summary>
    public async Task<IPage> NewPageAsync(int width = DesktopWidth)
    {
        var context = await browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Origin,
            ViewportSize = new ViewportSize { Width = width, Height = 900 },
            Permissions = ["clipboard-read", "clipboard-write"],
        });
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (browser is not null) await browser.DisposeAsync();
        playwright?.Dispose();
        await Service.DisposeAsync();
    }
}

/// <summary>The browser tests of the in-memory backend.</summary>
[CollectionDefinition(Name)]
public sealed class InMemoryBrowserCollection : ICollectionFixture<BrowserSite<InMemoryApiFactory>>
{
    public const string Name = "browser-in-memory";
}

/// <summary>The browser tests of the PostgreSQL backend.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresBrowserCollection : ICollectionFixture<BrowserSite<PostgresApiFactory>>
{
    public const string Name = "browser-postgres";
}
