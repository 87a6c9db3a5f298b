using System.Net;
using System.Net.Sockets;
using System.Net.Http.Json;
using Scim.Api.Tests.Infrastructure;
using static Scim.Api.Tests.Infrastructure.SsoTenants;

namespace Scim.Api.Tests.SingleSignOn;

/// <summary>
/// Sign-in through a tenant's identity provider, end to end: the service, a real OpenID Connect provider on loopback
/// (<see cref="TestOidcProvider"/>) and a browser's cookies and redirects. No user is ever created by a sign-in.
/// </summary>
public abstract class SsoSignInTests(ScimApiFactory factory)
{
    private static TestOidcProvider.Identity Person(string email, string subject = "sub-1") => new(subject, email);

    /// <summary>A tenant whose identity provider signs in alice, a user SCIM created.</summary>
    private async Task<SsoTenant> TenantWhereAliceSignsInAsync()
    {
        var sso = await NewAsync(factory);
        await ProvisionAsync(sso, "alice", "alice@school.example");
        sso.Provider.SignInAs(sso.Tenant, Person("alice@school.example"));
        return sso;
    }

    [Fact]
    public async Task AUserTheIdPProvisioned_SignsInThroughIt_AndLandsOnTheirHomePageWithTheirGroups()
    {
        var sso = await NewAsync(factory);
        var alice = await ProvisionAsync(sso, "alice", "alice@school.example");
        await sso.Scim.CreateGroupAsync("Teachers", $$"""[{"value":"{{alice}}"}]""");
        sso.Provider.SignInAs(sso.Tenant, Person("Alice@School.example"));
        using var browser = factory.Browser();

        var landed = await FollowAsync(browser, $"/t/{sso.Tenant}/sso");
        var home = await browser.GetAsync(landed);
        var log = await LogAsync(factory, sso.Tenant, alice);

        Assert.Equal($"/t/{sso.Tenant}/", landed);
        Assert.Equal(HttpStatusCode.OK, home.Status);
        Assert.Contains("alice@school.example", home.Html);
        Assert.Contains("Teachers", home.Html);
        Assert.Contains(alice, log);
    }

    [Fact]
    public async Task AnIdentityNoUserMatches_IsRefusedWithAClearPage_AndLoggedWithoutTokens()
    {
        var sso = await NewAsync(factory);
        sso.Provider.SignInAs(sso.Tenant, Person("stranger@school.example"));
        using var browser = factory.Browser();

        var landed = await FollowAsync(browser, $"/t/{sso.Tenant}/sso");
        var page = await browser.GetAsync(landed);
        var home = await browser.GetAsync($"/t/{sso.Tenant}/");
        var log = await LogAsync(factory, sso.Tenant, "stranger@school.example");

        Assert.Equal($"/t/{sso.Tenant}/sso/refused?reason=unknown-user", landed);
        Assert.Equal(HttpStatusCode.Forbidden, page.Status);
        Assert.Contains("no user of this platform matches your account", page.Html);
        Assert.Equal(HttpStatusCode.Redirect, home.Status);
        Assert.Contains("stranger@school.example", log);
        Assert.Contains("unknown-user", log);
        Assert.DoesNotContain("eyJ", log); // no JWT
        Assert.DoesNotContain("code=", log);
        Assert.DoesNotContain(sso.Secret, log);
    }

    [Fact]
    public async Task ADeactivatedUser_IsRefused_AndAnOpenSessionEndsWhenSCIMDeactivatesTheUser()
    {
        var sso = await NewAsync(factory);
        await ProvisionAsync(sso, "dora", "dora@school.example", active: false);
        var eve = await ProvisionAsync(sso, "eve", "eve@school.example");
        using var dora = factory.Browser();
        using var browser = factory.Browser();

        sso.Provider.SignInAs(sso.Tenant, Person("dora@school.example"));
        var refused = await FollowAsync(dora, $"/t/{sso.Tenant}/sso");
        sso.Provider.SignInAs(sso.Tenant, Person("eve@school.example"));
        var landed = await FollowAsync(browser, $"/t/{sso.Tenant}/sso");
        var before = await browser.GetAsync(landed);
        var deactivated = await sso.Scim.PatchAsync($"/Users/{eve}",
            """{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","path":"active","value":false}]}""");
        var after = await browser.GetAsync(landed);

        Assert.Equal($"/t/{sso.Tenant}/sso/refused?reason=inactive", refused);
        Assert.Equal(HttpStatusCode.OK, before.Status);
        Assert.Equal(HttpStatusCode.OK, deactivated.Status);
        Assert.Equal(HttpStatusCode.Redirect, after.Status);
        Assert.StartsWith($"/t/{sso.Tenant}/login", after.Location);
    }

    [Fact]
    public async Task AUserSCIMDeleted_LosesTheOpenSession_AndIsRefusedAtTheNextSignIn()
    {
        var sso = await NewAsync(factory);
        var alice = await ProvisionAsync(sso, "alice", "alice@school.example");
        sso.Provider.SignInAs(sso.Tenant, Person("alice@school.example"));
        using var browser = factory.Browser();
        using var again = factory.Browser();

        var landed = await FollowAsync(browser, $"/t/{sso.Tenant}/sso");
        var before = await browser.GetAsync(landed);
        var deleted = await sso.Scim.DeleteAsync($"/Users/{alice}");
        var after = await browser.GetAsync(landed);
        var refused = await FollowAsync(again, $"/t/{sso.Tenant}/sso");
        var page = await again.GetAsync(refused);

        Assert.Equal(HttpStatusCode.OK, before.Status);
        Assert.Equal(HttpStatusCode.NoContent, deleted.Status);
        Assert.Equal(HttpStatusCode.Redirect, after.Status);
        Assert.StartsWith($"/t/{sso.Tenant}/login", after.Location);
        Assert.Equal($"/t/{sso.Tenant}/sso/refused?reason=unknown-user", refused);
        Assert.Equal(HttpStatusCode.Forbidden, page.Status);
        Assert.Contains("no user of this platform matches your account", page.Html);
    }

    [Fact]
    public async Task ATamperedState_IsRefused()
    {
        var sso = await TenantWhereAliceSignsInAsync();
        using var browser = factory.Browser();

        var landed = await FollowAsync(browser, $"/t/{sso.Tenant}/sso", callback =>
            new Uri(callback.AbsoluteUri.Replace("state=", "state=X", StringComparison.Ordinal)));
        var home = await browser.GetAsync($"/t/{sso.Tenant}/");

        Assert.Equal($"/t/{sso.Tenant}/sso/refused?reason=failed", landed);
        Assert.Equal(HttpStatusCode.Redirect, home.Status);
    }

    [Fact]
    public async Task AnIdTokenForAnotherClient_IsRefused()
    {
        var sso = await TenantWhereAliceSignsInAsync();
        sso.Provider.IssueTokensFor(sso.Tenant, "another-application");
        using var browser = factory.Browser();

        var landed = await FollowAsync(browser, $"/t/{sso.Tenant}/sso");

        Assert.Equal($"/t/{sso.Tenant}/sso/refused?reason=failed", landed);
    }

    [Fact]
    public async Task AnIdentityOfAnotherTenant_IsRefused_AndAnotherTenantsAnswerDoesNotOpenThisOne()
    {
        var ours = await NewAsync(factory);
        var theirs = await NewAsync(factory);
        await ProvisionAsync(theirs, "bob", "bob@elsewhere.example");
        ours.Provider.SignInAs(ours.Tenant, Person("bob@elsewhere.example"));
        theirs.Provider.SignInAs(theirs.Tenant, Person("bob@elsewhere.example"));
        using var browser = factory.Browser();

        var unknown = await FollowAsync(browser, $"/t/{ours.Tenant}/sso");
        var replayed = await FollowAsync(browser, $"/t/{theirs.Tenant}/sso", callback =>
            new Uri(callback.AbsoluteUri.Replace($"/t/{theirs.Tenant}/", $"/t/{ours.Tenant}/", StringComparison.Ordinal)));
        var home = await browser.GetAsync($"/t/{ours.Tenant}/");

        Assert.Equal($"/t/{ours.Tenant}/sso/refused?reason=unknown-user", unknown);
        Assert.Equal($"/t/{ours.Tenant}/sso/refused?reason=failed", replayed);
        Assert.Equal(HttpStatusCode.Redirect, home.Status);
    }

    [Fact]
    public async Task SsoOnly_RefusesThePasswordFormToEveryoneButTheOwner()
    {
        var sso = await NewAsync(factory);
        await sso.Scim.CreateUserAsync("carol", $$""","password":"{{InvitedOwners.Password}}","emails":[{"value":"carol@school.example","primary":true}]""");
        using var admin = factory.Operator();
        var on = await admin.PutAsJsonAsync($"/api/v1/tenants/{sso.Tenant}/sso",
            new { issuer = sso.Provider.Issuer, clientId = sso.Tenant, claim = "email", displayName = "Test IdP", ssoOnly = true });
        using var carol = factory.Browser();
        using var owner = factory.Browser();

        var refused = await carol.SignInAsync(sso.Tenant, "carol", InvitedOwners.Password);
        var ownerIn = await owner.SignInAsync(sso.Tenant, sso.OwnerEmail, InvitedOwners.Password);
        var page = await carol.GetAsync($"/t/{sso.Tenant}/login");

        Assert.Equal(HttpStatusCode.OK, on.StatusCode);
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("This platform signs in with Test IdP", refused.Html);
        Assert.Equal(HttpStatusCode.Redirect, ownerIn.Status);
        Assert.Equal($"/t/{sso.Tenant}/", ownerIn.Location);
        Assert.Contains("Sign in with Test IdP", page.Html);
        Assert.Contains("Password sign-in is for the platform&#x27;s owner only", page.Html);
    }

    [Fact]
    public async Task AChangeThatNeedsANewTest_SuspendsSsoOnly_UntilATestSignInWorksAgain()
    {
        var sso = await NewAsync(factory);
        await sso.Scim.CreateUserAsync("carol", $$""","password":"{{InvitedOwners.Password}}","emails":[{"value":"carol@school.example","primary":true}]""");
        using var admin = factory.Operator();
        object Settings(string claim) => new { issuer = sso.Provider.Issuer, clientId = sso.Tenant, claim, displayName = "Test IdP", ssoOnly = true };
        await admin.PutAsJsonAsync($"/api/v1/tenants/{sso.Tenant}/sso", Settings("email"));
        using var carol = factory.Browser();

        var changed = await admin.PutAsJsonAsync($"/api/v1/tenants/{sso.Tenant}/sso", Settings("preferred_username"));
        var meanwhile = await carol.SignInAsync(sso.Tenant, "carol", InvitedOwners.Password);
        sso.Provider.SignInAs(sso.Tenant, new TestOidcProvider.Identity("owner-sub", sso.OwnerEmail, PreferredUsername: sso.OwnerEmail));
        var tested = await FollowAsync(sso.Owner, $"/t/{sso.Tenant}/sso/test?returnUrl=/t/{sso.Tenant}/");
        using var later = factory.Browser();
        var refused = await later.SignInAsync(sso.Tenant, "carol", InvitedOwners.Password);

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, meanwhile.Status);
        Assert.Contains("test=verified", tested);
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("This platform signs in with Test IdP", refused.Html);
    }

    [Fact]
    public async Task UntilATestSignInWorks_SignInThroughTheProviderIsNotOffered()
    {
        var sso = await NewAsync(factory, verified: false);
        using var browser = factory.Browser();

        var page = await browser.GetAsync($"/t/{sso.Tenant}/login");
        var start = await browser.GetAsync($"/t/{sso.Tenant}/sso");

        Assert.DoesNotContain("Sign in with", page.Html);
        Assert.Equal($"/t/{sso.Tenant}/sso/refused?reason=not-configured", start.Location);
    }

    [Fact]
    public async Task AfterSigningOut_ThePageOffersTheProvidersSignOut_WhichComesBackToTheSignInPage()
    {
        var sso = await TenantWhereAliceSignsInAsync();
        using var browser = factory.Browser();
        await FollowAsync(browser, $"/t/{sso.Tenant}/sso");

        var signedOut = await browser.SubmitAsync($"/t/{sso.Tenant}/logout", new Dictionary<string, string>());
        var offer = await browser.GetAsync(signedOut.Location!);
        var toProvider = await browser.GetAsync($"/t/{sso.Tenant}/sso/signout");
        using var idp = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        using var back = await idp.GetAsync(toProvider.Location);
        var returned = await browser.GetAsync(back.Headers.Location!.PathAndQuery);

        Assert.Equal($"/t/{sso.Tenant}/login?signedOut=sso", signedOut.Location);
        Assert.Contains("Sign out of Test IdP too", offer.Html);
        Assert.StartsWith(sso.Provider.Issuer + "/connect/endsession", toProvider.Location);
        Assert.Contains("post_logout_redirect_uri=" + Uri.EscapeDataString($"{PublicBase}/t/{sso.Tenant}/signout-oidc"), toProvider.Location);
        Assert.Equal(HttpStatusCode.Found, back.StatusCode);
        Assert.Equal($"/t/{sso.Tenant}/login", returned.Location);
    }

    [Fact]
    public async Task AnUnreachableIssuer_GivesAClearPage()
    {
        var sso = await NewAsync(factory, verified: false,
            settings: new { issuer = $"http://127.0.0.1:{ScimApiFactory.FreePort()}", clientId = "x", clientSecret = "y", claim = "email" });

        var landed = await FollowAsync(sso.Owner, $"/t/{sso.Tenant}/sso/test?returnUrl=/t/{sso.Tenant}/");
        var page = await sso.Owner.GetAsync(landed);

        Assert.Equal($"/t/{sso.Tenant}/sso/refused?reason=unreachable", landed);
        Assert.Contains("cannot be reached right now", page.Html);
    }

    [Fact]
    public async Task AnIssuerThatNeverAnswers_HoldsUpOnlyItsOwnSignIn_NotPasswordsHereOrElsewhere()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0); // accepts connections, never answers
        silent.Start();
        var held = new List<TcpClient>();
        _ = Task.Run(async () => { while (true) held.Add(await silent.AcceptTcpClientAsync()); });
        var stuck = await NewAsync(factory, verified: false,
            settings: new { issuer = $"http://127.0.0.1:{((IPEndPoint)silent.LocalEndpoint).Port}", clientId = "x", clientSecret = "y", claim = "email" });
        var elsewhere = await NewAsync(factory, verified: false);
        await elsewhere.Scim.CreateUserAsync("carol", $$""","password":"{{InvitedOwners.Password}}" """);
        using var carol = factory.Browser();
        using var owner = factory.Browser();

        var waiting = FollowAsync(stuck.Owner, $"/t/{stuck.Tenant}/sso/test?returnUrl=/t/{stuck.Tenant}/");
        var carolIn = await carol.SignInAsync(elsewhere.Tenant, "carol", InvitedOwners.Password);
        var ownerIn = await owner.SignInAsync(stuck.Tenant, stuck.OwnerEmail, InvitedOwners.Password);
        var stillWaiting = !waiting.IsCompleted;
        var landed = await waiting;
        held.ForEach(c => c.Dispose());

        Assert.Equal(HttpStatusCode.Redirect, carolIn.Status);
        Assert.Equal(HttpStatusCode.Redirect, ownerIn.Status);
        Assert.True(stillWaiting, "The sign-ins finished only after the silent issuer's request gave up.");
        Assert.Equal($"/t/{stuck.Tenant}/sso/refused?reason=unreachable", landed);
    }

    [Fact]
    public async Task SettingsRemovedAndSavedAgain_AreUsedAsSaved_NotAsEveryProcessCachedThemBefore()
    {
        var sso = await NewAsync(factory);
        using var admin = factory.Operator();
        var issuer = $"http://127.0.0.1:{ScimApiFactory.FreePort()}";

        var removed = await admin.DeleteAsync($"/api/v1/tenants/{sso.Tenant}/sso");
        var saved = await admin.PutAsJsonAsync($"/api/v1/tenants/{sso.Tenant}/sso", new { issuer, clientId = "x", clientSecret = "y", claim = "email" });
        var landed = await FollowAsync(sso.Owner, $"/t/{sso.Tenant}/sso/test?returnUrl=/t/{sso.Tenant}/");

        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal($"/t/{sso.Tenant}/sso/refused?reason=unreachable", landed);
    }

    [Collection(InMemoryCollection.Name)]
    public sealed class InMemory(InMemoryApiFactory factory) : SsoSignInTests(factory);

    [Collection(PostgresCollection.Name)]
    public sealed class Postgres(PostgresApiFactory factory) : SsoSignInTests(factory);
}
