using System.Net;
using Scim.Api.Pages;
using Scim.Api.Tests.Infrastructure;

namespace Scim.Api.Tests.Pages;

/// <summary>Settings -> Integrations -> SCIM and its provisioning log, through the real pipeline.</summary>
public abstract class ScimSettingsPagesTests(ScimApiFactory factory)
{
    private Task<(string Tenant, string PlatformGroupId, BrowserClient Owner)> OwnerAsync(bool enableConnector) =>
        InvitedOwners.SignedInAsync(factory, enableConnector);

    [Fact]
    public async Task BeforeTheOperatorEnablesTheConnector_ThePageSaysWhomToAsk_AndWhatToGiveThem()
    {
        var (tenant, platformGroupId, owner) = await OwnerAsync(enableConnector: false);
        using var _ = owner;

        var page = await owner.GetAsync($"/t/{tenant}/groups/{platformGroupId}/settings");
        var settings = await owner.GetAsync(page.Location!);

        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        Assert.Equal($"/t/{tenant}/groups/{platformGroupId}/settings/integrations/scim", page.Location);
        Assert.Contains("The SCIM connector is not enabled yet", settings.Html);
        Assert.Contains(platformGroupId, settings.Html);
        Assert.Contains("custom fields", settings.Html);
        Assert.DoesNotContain("Generate token", settings.Html);
    }

    [Fact]
    public async Task ActivatingWithoutAToken_OrWithAnUnknownProvider_AnswersWithAMessage_NeverAnError()
    {
        var (tenant, platformGroupId, owner) = await OwnerAsync(enableConnector: true);
        using var _ = owner;
        var path = $"/t/{tenant}/groups/{platformGroupId}/settings/integrations/scim";

        var unknown = await owner.SubmitAsync(path, new Dictionary<string, string> { ["IdentityProvider"] = "myspace" }, $"{path}?handler=Token");
        var none = await owner.SubmitAsync(path, new Dictionary<string, string> { ["IdentityProvider"] = "" }, $"{path}?handler=Token");

        Assert.Equal(HttpStatusCode.OK, unknown.Status);
        Assert.Contains("class=\"error\"", unknown.Html);
        Assert.Equal(HttpStatusCode.OK, none.Status);
        Assert.Contains("Select the identity provider the token is for.", none.Html);
        Assert.DoesNotContain("scim_", unknown.Html + none.Html);
    }

    [Fact]
    public async Task TheLogPage_ShowsTheIdPsCalls_FilteredByOutcome()
    {
        var (tenant, platformGroupId, owner) = await OwnerAsync(enableConnector: true);
        using var _ = owner;
        var path = $"/t/{tenant}/groups/{platformGroupId}/settings/integrations/scim";
        await owner.SubmitAsync(path, new Dictionary<string, string> { ["IdentityProvider"] = "okta" }, $"{path}?handler=Activate");
        var scim = new ScimClient(factory.CreateClient(), tenant, await factory.IssueTokenAsync(tenant, "okta"));
        await scim.CreateUserAsync("logged@example.com");
        var missing = Guid.NewGuid();
        await scim.GetAsync($"/Users/{missing}");

        // Both calls' entries: "404" alone also turns up in ids and anti-forgery tokens.
        var all = await WaitForAsync(owner, $"{path}/log", $"/Users/{missing}");
        var refused = await owner.GetAsync($"{path}/log?outcome=4xx");
        var groups = await owner.GetAsync($"{path}/log?resourceType=Group");

        Assert.Contains($"POST /scim/v2/{tenant}/Users", all);
        Assert.Contains("userName", all);
        Assert.Contains($"/Users/{missing}", refused.Html);
        Assert.DoesNotContain($"POST /scim/v2/{tenant}/Users", refused.Html);
        Assert.Contains("No call matches", groups.Html);
    }

    [Fact]
    public async Task ATokenRotatedWithAnOverlap_KeepsTheOldOneWorking_AndDeactivatingRefusesTheIdP()
    {
        var (tenant, platformGroupId, owner) = await OwnerAsync(enableConnector: true);
        using var _ = owner;
        var path = $"/t/{tenant}/groups/{platformGroupId}/settings/integrations/scim";

        var first = NewToken((await owner.SubmitAsync(path, new Dictionary<string, string> { ["IdentityProvider"] = "okta" }, $"{path}?handler=Token")).Html);
        await owner.SubmitAsync(path, new Dictionary<string, string> { ["IdentityProvider"] = "okta" }, $"{path}?handler=Activate");
        var second = NewToken((await owner.SubmitAsync(path, new Dictionary<string, string>
            { ["IdentityProvider"] = "okta", ["OverlapMinutes"] = "60" }, $"{path}?handler=Token")).Html);
        var tokens = await owner.GetAsync(path);
        var oldDuringOverlap = await new ScimClient(factory.CreateClient(), tenant, first).GetAsync("/Users");
        var deactivated = await owner.SubmitAsync(path, new Dictionary<string, string>(), $"{path}?handler=Deactivate");
        var newAfterDeactivation = await new ScimClient(factory.CreateClient(), tenant, second).GetAsync("/Users");

        Assert.NotEqual(first, second);
        Assert.Contains("retiring, works until", tokens.Html);
        Assert.Equal(HttpStatusCode.OK, oldDuringOverlap.Status);
        Assert.Equal(HttpStatusCode.Redirect, deactivated.Status);
        Assert.Equal(HttpStatusCode.Forbidden, newAfterDeactivation.Status);
    }

    [Fact]
    public async Task TheSetupGuide_OfEachProvider_CarriesTheTenantsEndpointUrl_AndDefaultsToTheChosenProvider()
    {
        var (tenant, platformGroupId, owner) = await OwnerAsync(enableConnector: true);
        using var _ = owner;
        var path = $"/t/{tenant}/groups/{platformGroupId}/settings/integrations/scim";
        await owner.SubmitAsync(path, new Dictionary<string, string> { ["IdentityProvider"] = "jumpcloud" }, $"{path}?handler=Settings");

        var byDefault = await owner.GetAsync(path);
        var guides = new Dictionary<string, string>();
        foreach (var provider in Scim.Grains.Interfaces.Tenants.IdentityProviders.All)
            guides[provider] = (await owner.GetAsync($"{path}?guide={provider}")).Html;
        var unknown = await owner.GetAsync($"{path}?guide=myspace");
        var endpoint = System.Text.RegularExpressions.Regex.Match(byDefault.Html, "id=\"endpoint-url\" type=\"text\" value=\"([^\"]+)\"").Groups[1].Value;

        Assert.EndsWith($"/scim/v2/{tenant}", endpoint);
        Assert.Contains("<h3>JumpCloud</h3>", byDefault.Html);
        Assert.All(guides, guide =>
        {
            Assert.Contains($"<h3>{IdentityProviderNames.Of(guide.Key)}</h3>", guide.Value);
            Assert.Contains($"value=\"{endpoint}\"", guide.Value);
            Assert.Contains("<code>userName</code>", guide.Value);
        });
        Assert.Contains("Tenant URL", guides["entra"]);
        Assert.Contains("SCIM connector base URL", guides["okta"]);
        Assert.Contains("<h3>JumpCloud</h3>", unknown.Html);
    }

    /// <summary>The token a Generate token answer shows once.</summary>
    private static string NewToken(string html)
    {
        var match = System.Text.RegularExpressions.Regex.Match(html, "id=\"new-token\" type=\"text\" value=\"(scim_[^\"]+)\"");
        Assert.True(match.Success, "The page shows no new token.");
        return match.Groups[1].Value;
    }

    /// <summary>The log is written off the request path: reads the page until it shows <paramref name="text"/>.</summary>
    [Fact]
    public async Task TheConnectionCheck_SaysWhetherTheIdPHasCalled_AndWhatToDoAboutACommonFailure()
    {
        var (tenant, platformGroupId, owner) = await OwnerAsync(enableConnector: true);
        using var _ = owner;
        var path = $"/t/{tenant}/groups/{platformGroupId}/settings/integrations/scim";
        var scim = new ScimClient(factory.CreateClient(), tenant, await factory.IssueTokenAsync(tenant, "okta"));

        var before = await owner.GetAsync(path);
        await scim.GetAsync("/Users");
        var inactive = await WaitForAsync(owner, path, "answered 403");
        await owner.SubmitAsync(path, new Dictionary<string, string> { ["IdentityProvider"] = "okta" }, $"{path}?handler=Activate");
        await scim.CreateUserAsync("taken@example.com");
        var created = await WaitForAsync(owner, path, "answered 201");
        await scim.PostAsync("/Users", """{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"TAKEN@example.com"}""");
        var conflict = await WaitForAsync(owner, path, "answered 409");

        Assert.Contains("No call from Okta since its token was generated", before.Html);
        Assert.Contains("401 means it does not have this token", before.Html);
        Assert.Contains("The integration is not active, so the call was refused", inactive);
        Assert.Contains("POST /scim/v2/" + tenant + "/Users answered 201", created);
        Assert.Contains("A user or group with that name already exists on the platform", conflict);
    }

    private static async Task<string> WaitForAsync(BrowserClient browser, string path, string text)
    {
        for (var attempt = 0; ; attempt++)
        {
            var page = await browser.GetAsync(path);
            if (page.Html.Contains(text) || attempt == 100) return page.Html;
            await Task.Delay(100);
        }
    }

    [Collection(InMemoryCollection.Name)]
    public sealed class InMemory(InMemoryApiFactory factory) : ScimSettingsPagesTests(factory);

    [Collection(PostgresCollection.Name)]
    public sealed class Postgres(PostgresApiFactory factory) : ScimSettingsPagesTests(factory);
}
