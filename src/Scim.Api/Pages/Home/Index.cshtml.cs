using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Scim.Api.Auth;
using Scim.Grains.Interfaces.Platform;
using Scim.Grains.Interfaces.References;

namespace Scim.Api.Pages.Home;

/// <summary>A signed-in user's home page: who they are and their groups, direct and through the platform's tree.</summary>
[Authorize(Policy = PlatformSessions.Policy)]
public sealed class IndexModel(IGrainFactory grains) : TenantPageModel(grains)
{
    public AccountProfile? Profile { get; private set; }

    [BindProperty(SupportsGet = true)] public bool PasswordChanged { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadTenantAsync()) return Page();
        if (PlatformSessions.MustChangePassword(User)) return LocalRedirect($"/t/{Tenant}/password");
        Profile = await Grains.Grain<IAccountGrain>(PlatformSessions.AccountKey(User)!).GetProfileAsync();
        return Profile is null ? ToSignIn() : Page();
    }
}
