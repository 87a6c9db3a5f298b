using Microsoft.Playwright;

namespace Scim.Api.Tests.Infrastructure;

/// <summary>
/// Screenshots the browser tests take of each page they visit, for people to look at: <c>artifacts/screenshots/</c> at the
/// repository's root, named after the page and the window's width.
/// </summary>
public static class Screenshots
{
    public static readonly string Folder = Path.Combine(RepositoryRoot(), "artifacts", "screenshots");

    /// <summary>Saves the whole page, or only the window for a page too long to look at whole (an API reference).</summary>
    public static async Task SaveAsync(IPage page, string name, bool wholePage = true)
    {
        Directory.CreateDirectory(Folder);
        var width = page.ViewportSize?.Width ?? 0;
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Folder, $"{name}-{width}.png"), FullPage = wholePage });
    }

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Scim.sln"))) return dir.FullName;
        return AppContext.BaseDirectory;
    }
}
