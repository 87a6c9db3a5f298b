using System.Net;
using Scim.Api.Pages.Account;
using Scim.Api.Tests.Infrastructure;

namespace Scim.Api.Tests.Pages;

/// <summary>Password sign-in to a tenant's platform, through the real pipeline: the form, the cookie session, the lockout.</summary>
public abstract class SignInTests(ScimApiFactory factory)
{
    private const string Password = "correct horse battery";

    /// <summary>A tenant with a user the IdP created with a password, a primary e-mail and a group.</summary>
    private async Task<(ScimClient Scim, string UserId)> TenantWithUserAsync(string userName = "ann@example.com")
    {
        var scim = await factory.NewTenantAsync();
        var userId = await scim.CreateUserAsync(userName,
            $$""","password":"{{Password}}","displayName":"Ann Example","emails":[{"value":"ann.mail@example.com","type":"work","primary":true}]""");
        await scim.CreateGroupAsync("Teachers", $$"""[{"value":"{{userId}}"}]""");
        return (scim, userId);
    }

    [Fact]
    public async Task AUserWithThePasswordTheIdPSent_SignsIn_SeesTheirHome_AndSignsOut()
    {
        var (scim, _) = await TenantWithUserAsync();
        using var browser = factory.Browser();

        var signedIn = await browser.SignInAsync(scim.Tenant, "ANN@example.com", Password);
        var home = await browser.GetAsync($"/t/{scim.Tenant}/");
        var signedOut = await browser.SubmitAsync($"/t/{scim.Tenant}/logout", new Dictionary<string, string>());
        var afterSignOut = await browser.GetAsync($"/t/{scim.Tenant}/");

        Assert.Equal(HttpStatusCode.Redirect, signedIn.Status);
        Assert.Equal($"/t/{scim.Tenant}/", signedIn.Location);
        Assert.Equal(HttpStatusCode.OK, home.Status);
        Assert.Contains("Ann Example", home.Html);
        Assert.Contains("ann.mail@example.com", home.Html);
        Assert.Contains("Teachers", home.Html);
        Assert.Equal(HttpStatusCode.Redirect, signedOut.Status);
        Assert.Equal(HttpStatusCode.Redirect, afterSignOut.Status);
        Assert.StartsWith($"/t/{scim.Tenant}/login", afterSignOut.Location);
    }

    [Fact]
    public async Task ThePrimaryEmail_InAnyCase_SignsInToo()
    {
        var (scim, _) = await TenantWithUserAsync();
        using var browser = factory.Browser();

        var signedIn = await browser.SignInAsync(scim.Tenant, "Ann.Mail@Example.com", Password);

        Assert.Equal(HttpStatusCode.Redirect, signedIn.Status);
    }

    /// <summary>A login matches a userName as uniqueness and lookups do: the Kelvin sign is k in lower case.</summary>
    [Fact]
    public async Task AUserNameWithTheKelvinSign_SignsInAsKelvin()
    {
        var (scim, _) = await TenantWithUserAsync("\u212Aelvin");
        using var browser = factory.Browser();

        var signedIn = await browser.SignInAsync(scim.Tenant, "kelvin", Password);

        Assert.Equal(HttpStatusCode.Redirect, signedIn.Status);
        Assert.Equal($"/t/{scim.Tenant}/", signedIn.Location);
    }

    [Fact]
    public async Task AWrongPasswordAndAnUnknownUser_GetTheSameAnswer()
    {
        var (scim, _) = await TenantWithUserAsync();
        using var browser = factory.Browser();

        var wrong = await browser.SignInAsync(scim.Tenant, "ann@example.com", "not the password");
        var unknown = await browser.SignInAsync(scim.Tenant, "nobody@example.com", Password);

        Assert.Equal(HttpStatusCode.OK, wrong.Status);
        Assert.Equal(HttpStatusCode.OK, unknown.Status);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(LoginModel.Refused), wrong.Html);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(LoginModel.Refused), unknown.Html);
    }

    [Fact]
    public async Task FiveFailures_LockTheAccount_EvenAgainstTheRightPassword_UntilTheLockEnds()
    {
        var (scim, _) = await TenantWithUserAsync();
        using var browser = factory.Browser();

        for (var i = 0; i < 5; i++) await browser.SignInAsync(scim.Tenant, "ann@example.com", "wrong " + i);
        var whileLocked = await browser.SignInAsync(scim.Tenant, "ann@example.com", Password);
        factory.Clock.Advance(TimeSpan.FromMinutes(16));
        var afterTheLock = await browser.SignInAsync(scim.Tenant, "ann@example.com", Password);

        Assert.Equal(HttpStatusCode.OK, whileLocked.Status);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(LoginModel.Refused), whileLocked.Html);
        Assert.Equal(HttpStatusCode.Redirect, afterTheLock.Status);
    }

    [Fact]
    public async Task ADeactivatedUser_CannotSignIn_AndLosesAnOpenSessionAtItsNextRequest()
    {
        var (scim, userId) = await TenantWithUserAsync();
        using var browser = factory.Browser();
        await browser.SignInAsync(scim.Tenant, "ann@example.com", Password);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync($"/t/{scim.Tenant}/")).Status);

        await scim.PatchAsync($"/Users/{userId}", """{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","path":"active","value":false}]}""");
        var openSession = await browser.GetAsync($"/t/{scim.Tenant}/");
        var again = await browser.SignInAsync(scim.Tenant, "ann@example.com", Password);

        Assert.Equal(HttpStatusCode.Redirect, openSession.Status);
        Assert.StartsWith($"/t/{scim.Tenant}/login", openSession.Location);
        Assert.Equal(HttpStatusCode.OK, again.Status);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(LoginModel.Refused), again.Html);
    }

    [Fact]
    public async Task APasswordTheIdPSetsByPatchOrPut_SignsIn_AndADeletedUserNoLonger()
    {
        var (scim, userId) = await TenantWithUserAsync();
        using var browser = factory.Browser();

        await scim.PatchAsync($"/Users/{userId}", """{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","path":"password","value":"patched passphrase"}]}""");
        var afterPatch = await browser.SignInAsync(scim.Tenant, "ann@example.com", "patched passphrase");
        await scim.PutAsync($"/Users/{userId}", """{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"ann@example.com","password":"put passphrase"}""");
        var afterPut = await browser.SignInAsync(scim.Tenant, "ann@example.com", "put passphrase");
        await scim.DeleteAsync($"/Users/{userId}");
        var afterDelete = await browser.SignInAsync(scim.Tenant, "ann@example.com", "put passphrase");

        Assert.Equal(HttpStatusCode.Redirect, afterPatch.Status);
        Assert.Equal(HttpStatusCode.Redirect, afterPut.Status);
        Assert.Equal(HttpStatusCode.OK, afterDelete.Status);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(LoginModel.Refused), afterDelete.Html);
    }

    [Fact]
    public async Task ASessionOfOneTenant_DoesNotOpenAnothersPages()
    {
        var (scim, _) = await TenantWithUserAsync();
        var other = await factory.NewTenantAsync();
        using var browser = factory.Browser();
        await browser.SignInAsync(scim.Tenant, "ann@example.com", Password);

        var elsewhere = await browser.GetAsync($"/t/{other.Tenant}/");

        Assert.Equal(HttpStatusCode.Redirect, elsewhere.Status);
        Assert.StartsWith($"/t/{other.Tenant}/login", elsewhere.Location);
    }

    [Theory]
    [InlineData("short pass", "at least 12 characters")]
    [InlineData("ann@example.com", "other than your username")]
    [InlineData(Password, "other than the one you signed in with")]
    public async Task ANewPasswordAgainstThePolicy_IsRefusedWithTheReason(string newPassword, string reason)
    {
        var (scim, _) = await TenantWithUserAsync();
        using var browser = factory.Browser();
        await browser.SignInAsync(scim.Tenant, "ann@example.com", Password);

        var refused = await ChangePasswordAsync(browser, scim.Tenant, Password, newPassword);

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains(reason, refused.Html);
    }

    [Fact]
    public async Task AChangedPassword_SignsIn_AndTheOldOneNoLonger()
    {
        var (scim, _) = await TenantWithUserAsync();
        using var browser = factory.Browser();
        await browser.SignInAsync(scim.Tenant, "ann@example.com", Password);

        var wrongCurrent = await ChangePasswordAsync(browser, scim.Tenant, "not my password", "a brand new passphrase");
        var changed = await ChangePasswordAsync(browser, scim.Tenant, Password, "a brand new passphrase");
        using var another = factory.Browser();
        var withOld = await another.SignInAsync(scim.Tenant, "ann@example.com", Password);
        var withNew = await another.SignInAsync(scim.Tenant, "ann@example.com", "a brand new passphrase");

        Assert.Contains("current password is not right", wrongCurrent.Html);
        Assert.Equal(HttpStatusCode.Redirect, changed.Status);
        Assert.Equal(HttpStatusCode.OK, withOld.Status);
        Assert.Equal(HttpStatusCode.Redirect, withNew.Status);
    }

    [Fact]
    public async Task AFormPostedWithoutItsAntiforgeryToken_IsRefused()
    {
        var (scim, _) = await TenantWithUserAsync();
        using var browser = factory.Browser();

        var posted = await browser.PostAsync($"/t/{scim.Tenant}/login", new Dictionary<string, string> { ["Login"] = "ann@example.com", ["Password"] = Password });

        Assert.Equal(HttpStatusCode.BadRequest, posted.Status);
    }

    [Fact]
    public async Task TooManyPostsFromOneClient_GetA429Page()
    {
        var (scim, _) = await TenantWithUserAsync();
        using var browser = factory.Browser();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 21; i++) statuses.Add((await browser.SignInAsync(scim.Tenant, $"nobody{i}@example.com", "x")).Status);

        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, statuses.Take(20));
    }

    [Fact]
    public async Task AnUnknownTenant_HasNoSignInPage()
    {
        using var browser = factory.Browser();

        var page = await browser.GetAsync("/t/no-such-platform/login");

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Contains("No platform here", page.Html);
    }

    private static Task<(HttpStatusCode Status, string Html, string? Location)> ChangePasswordAsync(BrowserClient browser, string tenant, string current, string next) =>
        browser.SubmitAsync($"/t/{tenant}/password", new Dictionary<string, string>
        {
            ["CurrentPassword"] = current, ["NewPassword"] = next, ["ConfirmPassword"] = next,
        });

    [Collection(InMemoryCollection.Name)]
    public sealed class InMemory(InMemoryApiFactory factory) : SignInTests(factory);

    [Collection(PostgresCollection.Name)]
    public sealed class Postgres(PostgresApiFactory factory) : SignInTests(factory);
}
