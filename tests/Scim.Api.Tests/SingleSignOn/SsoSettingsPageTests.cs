using System.Net;
using Scim.Api.Tests.Infrastructure;
using static Scim.Api.Tests.Infrastructure.SsoTenants;

namespace Scim.Api.Tests.SingleSignOn;

/// <summary>Settings -> Integrations -> Single sign-on through the real pipeline: who may open it, saving, refusals, the secret.</summary>
public abstract class SsoSettingsPageTests(ScimApiFactory factory)
{
    private static string PagePath(SsoTenant sso) => $"/t/{sso.Tenant}/groups/{sso.PlatformGroupId}/settings/integrations/sso";

    [Fact]
    public async Task APlainUser_GetsTheForbiddenPage()
    {
        var sso = await NewAsync(factory, verified: false);
        await sso.Scim.CreateUserAsync("pat", $$""","password":"{{InvitedOwners.Password}}" """);
        using var pat = factory.Browser();
        await pat.SignInAsync(sso.Tenant, "pat", InvitedOwners.Password);

        var page = await pat.GetAsync(PagePath(sso));

        Assert.Equal(HttpStatusCode.Forbidden, page.Status);
        Assert.DoesNotContain(sso.Provider.Issuer, page.Html);
    }

    [Fact]
    public async Task TheOwner_SavesSettings_NeverSeesTheSecret_AndARefusedSaveKeepsWhatWasTyped()
    {
        var sso = await NewAsync(factory, verified: false);

        var shown = await sso.Owner.GetAsync(PagePath(sso));
        var saved = await sso.Owner.SubmitAsync(PagePath(sso), new Dictionary<string, string>
        {
            ["Issuer"] = sso.Provider.Issuer, ["ClientId"] = "renamed-client", ["ClientSecret"] = "a-new-secret-value", ["Claim"] = "sub", ["DisplayName"] = "Okta",
        }, PagePath(sso) + "?handler=Save");
        var after = await sso.Owner.GetAsync(saved.Location!);
        var refused = await sso.Owner.SubmitAsync(PagePath(sso), new Dictionary<string, string>
        {
            ["Issuer"] = "http://idp.example", ["ClientId"] = "typed-client", ["Claim"] = "email",
        }, PagePath(sso) + "?handler=Save");

        Assert.Equal(HttpStatusCode.OK, shown.Status);
        Assert.Contains($"{PublicBase}/t/{sso.Tenant}/signin-oidc", shown.Html);
        Assert.DoesNotContain(sso.Secret, shown.Html);
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        Assert.Contains("renamed-client", after.Html);
        Assert.Contains("Run a test sign-in", after.Html);
        Assert.DoesNotContain("a-new-secret-value", after.Html);
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("issuer must be an https URL", refused.Html);
        Assert.Contains("typed-client", refused.Html);
    }

    [Collection(InMemoryCollection.Name)]
    public sealed class InMemory(InMemoryApiFactory factory) : SsoSettingsPageTests(factory);

    [Collection(PostgresCollection.Name)]
    public sealed class Postgres(PostgresApiFactory factory) : SsoSettingsPageTests(factory);
}
