using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Scim.Api.Auth;
using Scim.Grains.Interfaces.Platform;
using Scim.Grains.Interfaces.References;

namespace Scim.Api.Pages.Account;

/// <summary>
/// Choosing a new password: required before anything else after signing in with a temporary password, open to every
/// signed-in user. The account grain holds the policy; this page shows what it says.
/// </summary>
[Authorize(Policy = PlatformSessions.Policy)]
public sealed class ChangePasswordModel(IGrainFactory grains) : TenantPageModel(grains)
{
    [BindProperty] public string? CurrentPassword { get; set; }

    [BindProperty] public string? NewPassword { get; set; }

    [BindProperty] public string? ConfirmPassword { get; set; }

    public string? Error { get; private set; }

    public bool Required => PlatformSessions.MustChangePassword(User);

    public async Task<IActionResult> OnGetAsync()
    {
        await LoadTenantAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadTenantAsync()) return Page();
        if (string.IsNullOrEmpty(CurrentPassword) || string.IsNullOrEmpty(NewPassword))
            Error = "Enter your current password and the new one.";
        else if (NewPassword != ConfirmPassword)
            Error = "The new password and its confirmation differ. Type the same password in both.";
        if (Error is not null) return Page();
        Error = await FormRefusals.OfAsync(() => Grains.Grain<IAccountGrain>(PlatformSessions.AccountKey(User)!).ChangePasswordAsync(CurrentPassword!, NewPassword!));
        if (Error is not null) return Page();
        // The session no longer carries the obligation to change the password.
        await HttpContext.SignInAsync(PlatformSessions.Scheme,
            PlatformSessions.Principal(Tenant, User.FindFirstValue(ClaimTypes.NameIdentifier)!, mustChangePassword: false));
        return LocalRedirect($"/t/{Tenant}/?passwordChanged=true");
    }
}
