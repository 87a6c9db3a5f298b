using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Scim.Api.Auth;
using Scim.Api.Protection;
using Scim.Api.SingleSignOn;
using Scim.Grains.Interfaces.Platform;
using Scim.Grains.Interfaces.References;

namespace Scim.Api.Pages.Account;

/// <summary>
/// Password sign-in to a tenant's platform. Every refusal (unknown user, wrong password, locked or deactivated account)
/// gets the same answer, so the page never tells whether a user exists; the reason goes to the log.
/// </summary>
[EnableRateLimiting(SignInRateLimiting.Policy)]
public sealed class LoginModel(IGrainFactory grains, ILogger<LoginModel> logger) : TenantPageModel(grains)
{
    public const string Refused =
        "The username or password is not right, or the account is locked for a while after too many failed attempts. Check both and try again.";

    public static string SsoOnlyRefused(string provider) =>
        $"This platform signs in with {provider}: use the “Sign in with {provider}” button. Password sign-in is kept for the platform's owner only; if you are the owner, check your username and password.";

    private const int MaxLoginLength = 256;
    private const int MaxPasswordLength = 1024;

    [BindProperty] public string? Login { get; set; }

    [BindProperty] public string? Password { get; set; }

    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    /// <summary>Set after signing out of a session that began at the identity provider: the page offers to sign out there too.</summary>
    [BindProperty(SupportsGet = true)] public string? SignedOut { get; set; }

    public string? Error { get; private set; }

    /// <summary>The tenant's single sign-on, when a test sign-in proved it: the page offers it first.</summary>
    public SsoState? Sso { get; private set; }

    public string SsoProvider => SsoProviders.Name(Sso);

    public bool SsoOnly => Sso?.Configuration.SsoOnly == true;

    public async Task<IActionResult> OnGetAsync()
    {
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync()) return Page();
        if (string.IsNullOrWhiteSpace(Login) || string.IsNullOrEmpty(Password))
        {
            Error = "Enter your username or e-mail address, and your password.";
            return Page();
        }
        var result = Login.Length > MaxLoginLength || Password.Length > MaxPasswordLength
            ? new SignInDecision(SignInOutcome.UnknownUser, null, false)
            : await Grains.Grain<ISignInGrain>(Tenant).SignInAsync(Login.Trim(), Password);
        if (result.Outcome != SignInOutcome.SignedIn)
        {
            logger.LogInformation("Sign-in to tenant {Tenant} refused: {Outcome}", Tenant, result.Outcome);
            // Under "SSO only" every refusal reads alike, so the page does not tell which login is the owner's.
            Error = SsoOnly ? SsoOnlyRefused(SsoProvider) : Refused;
            return Page();
        }
        await HttpContext.SignInAsync(PlatformSessions.Scheme, PlatformSessions.Principal(Tenant, result.UserId!, result.MustChangePassword));
        return LocalRedirect(result.MustChangePassword ? $"/t/{Tenant}/password" : PlatformSessions.AfterSignIn(Tenant, ReturnUrl));
    }

    private async Task<bool> LoadAsync()
    {
        if (!await LoadTenantAsync()) return false;
        Sso = await Grains.Grain<ISingleSignOnGrain>(Tenant).GetAsync() is { Verified: true } sso ? sso : null;
        return true;
    }
}
