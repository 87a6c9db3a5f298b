using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Scim.Api.Auth;

namespace Scim.Api.Pages.Account;

/// <summary>Signing out: a POST (with the antiforgery token) ends the session; a GET only offers the button.</summary>
public sealed class LogoutModel(IGrainFactory grains) : TenantPageModel(grains)
{
    public async Task<IActionResult> OnGetAsync()
    {
        await LoadTenantAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var session = await HttpContext.AuthenticateAsync(PlatformSessions.Scheme);
        await HttpContext.SignOutAsync(PlatformSessions.Scheme);
        // A session from the identity provider: the sign-in page then offers to end the provider's session too.
        return LocalRedirect(PlatformSessions.SignInPath(Tenant)
            + (session.Principal is { } user && PlatformSessions.SignedInViaSso(user) ? "?signedOut=sso" : ""));
    }
}
