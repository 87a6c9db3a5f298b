using System.Net;
using System.Net.Http.Json;

namespace Scim.Api.Tests.Infrastructure;

/// <summary>
/// Tenants that sign in through <see cref="TestOidcProvider"/>: the owner signed in with a password, the integration
/// active with a SCIM token, the tenant registered at the provider as a client of its own, and the settings stored
/// (and proved by the owner's test sign-in, unless asked not to).
/// </summary>
public static class SsoTenants
{
    public const string PublicBase = "https://scim.test.example";

    public sealed record SsoTenant(string Tenant, string PlatformGroupId, BrowserClient Owner, ScimClient Scim, TestOidcProvider Provider, string Origin)
    {
        public string OwnerEmail => $"owner@{Tenant}.example";

        public string Secret => $"secret-of-{Tenant}";
    }

    /// <summary>A tenant signing in through the test provider; <paramref name="origin"/> is the service's public origin (a browser site's own).</summary>
    public static async Task<SsoTenant> NewAsync(ScimApiFactory factory, bool verified = true, object? settings = null, string origin = PublicBase)
    {
        var provider = await TestOidcProvider.SharedAsync();
        var (tenant, platformGroupId, owner) = await InvitedOwners.SignedInAsync(factory);
        using var admin = factory.Operator();
        (await admin.PostAsync($"/api/v1/tenants/{tenant}/scim/activate", null)).EnsureSuccessStatusCode();
        var scim = new ScimClient(factory.CreateClient(), tenant, await factory.IssueTokenAsync(tenant, "okta"));
        var sso = new SsoTenant(tenant, platformGroupId, owner, scim, provider, origin);
        provider.Register(tenant, sso.Secret, $"{origin}/t/{tenant}/signin-oidc", $"{origin}/t/{tenant}/signout-oidc");
        var saved = await admin.PutAsJsonAsync($"/api/v1/tenants/{tenant}/sso",
            settings ?? new { issuer = provider.Issuer, clientId = tenant, clientSecret = sso.Secret, claim = "email", displayName = "Test IdP" });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        if (verified)
        {
            provider.SignInAs(tenant, new TestOidcProvider.Identity("owner-sub", sso.OwnerEmail));
            Assert.Contains("test=verified", await FollowAsync(owner, $"/t/{tenant}/sso/test?returnUrl=/t/{tenant}/", origin: origin));
        }
        return sso;
    }

    /// <summary>
    /// Goes through a sign-in as a browser does, from <paramref name="startPath"/> to the provider (which answers at once
    /// for the identity its test set) and back to the service's callback; answers where the service sends the browser last.
    /// </summary>
    public static async Task<string> FollowAsync(BrowserClient browser, string startPath, Func<Uri, Uri>? alterCallback = null, string origin = PublicBase)
    {
        var start = await browser.GetAsync(startPath);
        Assert.True(start.Status == HttpStatusCode.Found, $"{startPath} answered {start.Status}: {start.Html}");
        if (!start.Location!.StartsWith("http://127.0.0.1", StringComparison.Ordinal)) return start.Location;
        using var idp = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        using var answer = await idp.GetAsync(start.Location);
        Assert.True(answer.StatusCode == HttpStatusCode.Found, $"The provider answered {answer.StatusCode}: {await answer.Content.ReadAsStringAsync()}");
        var callback = (alterCallback ?? (uri => uri))(answer.Headers.Location!);
        Assert.StartsWith(origin, callback.AbsoluteUri);
        var done = await browser.GetAsync(callback.PathAndQuery);
        Assert.True(done.Status == HttpStatusCode.Found, $"The callback answered {done.Status}: {done.Html}");
        return done.Location!;
    }

    /// <summary>A user created over SCIM with a primary work e-mail and an externalId; its id.</summary>
    public static Task<string> ProvisionAsync(SsoTenant sso, string userName, string email, string? externalId = null, bool active = true) =>
        sso.Scim.CreateUserAsync(userName,
            $$""","emails":[{"value":"{{email}}","type":"work","primary":true}],"active":{{(active ? "true" : "false")}}""" +
            (externalId is null ? "" : $$""","externalId":"{{externalId}}" """));

    /// <summary>The tenant's log of sign-ins through the provider, once it holds <paramref name="expected"/> (it is written off the request path).</summary>
    public static async Task<string> LogAsync(ScimApiFactory factory, string tenant, string expected)
    {
        using var admin = factory.Operator();
        for (var attempt = 0; ; attempt++)
        {
            var log = await admin.GetStringAsync($"/api/v1/tenants/{tenant}/scim/log?resourceType=SignIn");
            if (log.Contains(expected, StringComparison.Ordinal) || attempt == 100) return log;
            await Task.Delay(100);
        }
    }
}
