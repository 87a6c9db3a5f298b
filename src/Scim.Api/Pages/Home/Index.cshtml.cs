using Microsoft.AspNetCore.Mvc;
using Scim.Api.Auth;
using Scim.Grains.Interfaces.Platform;
using Scim.Grains.Interfaces.References;

namespace Scim.Api.Pages.Home;

/// <summary>A signed-in user's home page: who they are and their groups, direct and through the platform's tree; admins also find their way to the platform's settings.</summary>
public sealed class IndexModel(IGrainFactory grains) : PlatformPageModel(grains)
{
    public AccountProfile? Profile { get; private set; }

    [BindProperty(SupportsGet = true)] public bool PasswordChanged { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await EnterAsync() is { } instead) return instead;
        Profile = await Grains.Grain<IAccountGrain>(PlatformSessions.AccountKey(User)!).GetProfileAsync();
        return Profile is null ? ToSignIn() : Page();
    }
}
