using System.Text;
using Microsoft.Playwright;
using Scim.Api.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Scim.Api.Tests.Pages;

/// <summary>
/// A CSV import as an admin does it in Debian's Chromium: a file of 1,000 users with 10 bad rows is checked (each bad
/// row shown with its line and reason), imported with a progress display, reported, and found in the users list; the
/// same file imported again would change nothing.
/// </summary>
public abstract class ImportInBrowserTests<TFactory>(BrowserSite<TFactory> site) where TFactory : ScimApiFactory, new()
{
    public const int Rows = 1000;

    /// <summary>A users file of <see cref="Rows"/> rows: ten are bad (a word for active, no name at all, a repeated userName).</summary>
    public static string File(string tenant)
    {
        var text = new StringBuilder("userName,email,givenName,familyName,active\n");
        for (var i = 0; i < Rows; i++)
        {
            var email = $"learner{i:D4}@{tenant}.example";
            text.Append(i switch
            {
                < 4 => $"{email},{email},Bad,Active,perhaps\n",
                < 7 => ",,Nobody,Named,true\n",
                < 10 => $"learner{i + 100:D4}@{tenant}.example,,Repeated,Row,true\n",
                _ => $"{email},{email},Learner,{i:D4},true\n",
            });
        }
        var path = Path.Combine(Path.GetTempPath(), $"{tenant}-learners.csv");
        System.IO.File.WriteAllText(path, text.ToString());
        return path;
    }

    [Fact]
    public async Task AThousandRows_WithTenBad_AreChecked_Imported_Reported_AndAgainChangeNothing()
    {
        var tenant = await site.Service.NewInactiveTenantAsync();
        var page = await PlatformPages.OwnerSignedInAsync(site, tenant.Id, tenant.OwnerEmail);
        var file = File(tenant.Id);

        await page.GotoAsync($"/t/{tenant.Id}/users");
        await page.GetByRole(AriaRole.Link, new() { Name = "Import users (CSV)" }).ClickAsync();
        await Screenshots.SaveAsync(page, "users-import");
        await page.GetByLabel("CSV file").SetInputFilesAsync(file);
        await page.GetByRole(AriaRole.Button, new() { Name = "Check the file" }).ClickAsync();
        await Expect(page.Locator("#import-job")).ToContainTextAsync("Checked: nothing has changed yet", new() { Timeout = 60_000 });
        await Screenshots.SaveAsync(page, "import-checked");
        var refusedRows = await page.GetByRole(AriaRole.Region, new() { Name = "Refused rows" }).GetByRole(AriaRole.Row).CountAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Import 990 changes" }).ClickAsync();
        var sawProgress = await page.GetByRole(AriaRole.Heading, new() { Name = "Importing…" }).IsVisibleAsync();
        if (sawProgress) await Screenshots.SaveAsync(page, "import-progress");
        await Expect(page.Locator("#import-job")).ToContainTextAsync("rows done:", new() { Timeout = 120_000 });
        await Screenshots.SaveAsync(page, "import-done");
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download the report" }).ClickAsync());
        var report = await System.IO.File.ReadAllLinesAsync((await download.PathAsync())!);
        await page.GotoAsync($"/t/{tenant.Id}/users");
        var listed = await page.GetByText("of 991").IsVisibleAsync();

        await page.GotoAsync($"/t/{tenant.Id}/users/import");
        await page.GetByLabel("CSV file").SetInputFilesAsync(file);
        await page.GetByRole(AriaRole.Button, new() { Name = "Check the file" }).ClickAsync();
        await Expect(page.Locator("#import-job")).ToContainTextAsync("Checked: nothing has changed yet", new() { Timeout = 60_000 });
        await Screenshots.SaveAsync(page, "import-again");

        Assert.Equal(11, refusedRows);
        Assert.Equal(Rows + 1, report.Length);
        Assert.Equal(990, report.Count(l => l.Contains(",create,", StringComparison.Ordinal)));
        Assert.Contains(report, l => l.StartsWith("2,learner0000@", StringComparison.Ordinal) && l.Contains("'active' must be a boolean", StringComparison.Ordinal));
        Assert.Contains(report, l => l.StartsWith("109,", StringComparison.Ordinal) && l.Contains("Line 9 has the same userName", StringComparison.Ordinal));
        Assert.True(listed, "The users list shows the owner and the 990 imported learners.");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Import 0 changes" })).ToBeDisabledAsync();
        await Expect(page.Locator("#import-job")).ToContainTextAsync("0 would change a user, 10 are refused");
    }
    [Fact]
    public async Task AFileThatIsNotCsv_IsRefusedOnThePage_SayingWhatToDo()
    {
        var tenant = await site.Service.NewInactiveTenantAsync();
        var page = await PlatformPages.OwnerSignedInAsync(site, tenant.Id, tenant.OwnerEmail);

        await page.GotoAsync($"/t/{tenant.Id}/users/import");
        await page.GetByLabel("CSV file").SetInputFilesAsync(new FilePayload
        {
            Name = "learners.xlsx", MimeType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            Buffer = [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0x00, 0x00, 0x21, 0x00],
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Check the file" }).ClickAsync();
        await Screenshots.SaveAsync(page, "import-refused");

        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("save it as “CSV UTF-8”");
        Assert.EndsWith($"/t/{tenant.Id}/users/import", page.Url);
    }
}

[Collection(InMemoryBrowserCollection.Name)]
public sealed class InMemoryImportInBrowserTests(BrowserSite<InMemoryApiFactory> site) : ImportInBrowserTests<InMemoryApiFactory>(site);

[Collection(PostgresBrowserCollection.Name)]
public sealed class PostgresImportInBrowserTests(BrowserSite<PostgresApiFactory> site) : ImportInBrowserTests<PostgresApiFactory>(site);
