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
        await HttpContext.SignOutAsync(PlatformSessions.Scheme);
        return LocalRedirect(PlatformSessions.SignInPath(Tenant));
    }
}
