using System.Globalization;
using System.Text;
using Scim.Api.Pages.Settings.SetupGuides;
using Scim.Api.Tests.Infrastructure;
using Scim.Grains.Interfaces.Tenants;

namespace Scim.Api.Tests.Pages.SetupGuides;

/// <summary>
/// <c>docs/idp-setup/</c> holds the guides the SCIM settings page shows, one page per identity provider, with the tenant's
/// values as placeholders: this test keeps the two the same. After changing a guide, run it with
/// <c>SCIM_WRITE_DOCS=1</c> to rewrite the pages.
/// </summary>
public sealed class SetupGuideDocsTests
{
    private static readonly GuideContext Placeholders = new(
        "https://<your SCIM host>/scim/v2/<your tenant id>", CustomField.SchemaUrn("<your tenant id>"),
        [new CustomField("<field name>", "string")]);

    private static readonly string Folder = Path.Combine(Screenshots.RepositoryRoot(), "docs", "idp-setup");

    public static TheoryData<string> Providers => [.. IdentityProviders.All];

    [Theory]
    [MemberData(nameof(Providers))]
    public void EachProvidersPage_IsTheGuideTheSettingsPageShows(string provider)
    {
        var guide = ProviderGuides.For(provider, Placeholders);

        AssertMatches($"{provider}.md", Markdown(guide));
    }

    [Fact]
    public void TheIndex_ListsEveryProvider()
    {
        var index = new StringBuilder("# Connecting an identity provider\n\n")
            .Append("Settings -> Integrations -> SCIM shows these guides with your tenant's endpoint URL and custom fields filled in,\n")
            .Append("and a copy button on every value. Generate the token on that page first: it is shown once.\n\n");
        foreach (var guide in ProviderGuides.All(Placeholders)) index.Append($"- [{guide.Name}]({guide.Provider}.md)\n");

        AssertMatches("README.md", index.ToString());
    }

    private static void AssertMatches(string file, string expected)
    {
        var path = Path.Combine(Folder, file);
        if (Environment.GetEnvironmentVariable("SCIM_WRITE_DOCS") == "1")
        {
            Directory.CreateDirectory(Folder);
            File.WriteAllText(path, expected);
        }
        Assert.True(File.Exists(path), $"{path} is missing: run this test with SCIM_WRITE_DOCS=1.");
        Assert.Equal(expected, File.ReadAllText(path));
    }

    private static string Markdown(SetupGuide guide)
    {
        var text = new StringBuilder($"# Connecting {guide.Name}\n\n{guide.Intro}\n\n## Steps\n\n");
        foreach (var (step, number) in guide.Steps.Select((s, i) => (s, i + 1)))
        {
            text.Append($"{number}. {step.Text}\n");
            foreach (var value in step.Values) text.Append($"   - **{value.Field}**: {(value.Copyable ? $"`{value.Value}`" : value.Value)}\n");
        }
        text.Append($"\n## What {guide.Name} can do\n\n");
        foreach (var action in guide.Actions) text.Append($"- {action}\n");
        text.Append("\n## Attribute mapping\n\n")
            .Append($"Authentication is a bearer token; the unique identifier is `userName`. {guide.CustomFields}\n\n")
            .Append($"| SCIM attribute | {guide.ProviderColumn} |\n|---|---|\n");
        foreach (var row in guide.Mapping)
            text.Append($"| `{row.ScimAttribute}`{(row.Note is null ? "" : $" ({row.Note})")} | {row.ProviderAttribute.Replace("|", "\\|")} |\n");
        text.Append($"\nWritten from [{guide.Name}'s documentation]({guide.Source}), checked ")
            .Append(ProviderGuides.Checked.ToString("d MMMM yyyy", CultureInfo.InvariantCulture))
            .Append(". The provider's screens may have moved since.\n");
        return text.ToString();
    }
}
