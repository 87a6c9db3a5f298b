using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Scim.Api.Auth;
using Scim.Grains.Interfaces.Errors;
using Scim.Grains.Interfaces.Platform;
using Scim.Grains.Interfaces.References;
using Scim.Grains.Interfaces.Resources;

namespace Scim.Api.Pages;

/// <summary>
/// A page inside the platform's frame (the group tree on the left), for a signed-in user of the tenant. Pages that only
/// platform admins and the owner may open answer everyone else with a 403 page.
/// </summary>
[Authorize(Policy = PlatformSessions.Policy)]
public abstract class PlatformPageModel(IGrainFactory grains) : TenantPageModel(grains)
{
    /// <summary>The signed-in user.</summary>
    public PlatformUser? Viewer { get; private set; }

    /// <summary>Set when the page is for admins and the owner, and the viewer is neither.</summary>
    public bool Forbidden { get; private set; }

    /// <summary>Whether the page's own content is shown (not a 404 or 403 page instead).</summary>
    public bool Shown => !UnknownTenant && !Forbidden && Viewer is not null;

    public bool CanAdminister => Viewer?.Role is PlatformRole.Admin or PlatformRole.Owner;

    /// <summary>The id of the tenant's platform group, the root of its group tree.</summary>
    public string PlatformGroupId => Info!.PlatformGroupId;

    /// <summary>
    /// Loads the tenant and the signed-in user. Returns what to answer instead of the page (the 404 or 403 page, the
    /// password change a temporary password owes, the sign-in page once the user is gone), or null to go on.
    /// </summary>
    protected async Task<IActionResult?> EnterAsync(bool adminsOnly = false)
    {
        if (!await LoadTenantAsync()) return Page();
        if (PlatformSessions.MustChangePassword(User)) return LocalRedirect($"/t/{Tenant}/password");
        try
        {
            Viewer = await Grains.Grain<IUserGrain>(PlatformSessions.AccountKey(User)!).GetPlatformUserAsync();
        }
        catch (ScimException e) when (e.Status == StatusCodes.Status404NotFound)
        {
            return ToSignIn();
        }
        ViewData["Viewer"] = Viewer;
        if (!adminsOnly || CanAdminister) return null;
        Forbidden = true;
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return Page();
    }

    /// <summary>Why the last action was refused, in words for the person who asked.</summary>
    public string? Error { get; protected set; }

    /// <summary>
    /// Runs an admin's action: then redirects to <paramref name="doneUrl"/> (so a reload does not repeat it), or, when
    /// the grain refuses it, shows the page again with the refusal's message (<paramref name="explain"/> words it).
    /// </summary>
    protected async Task<IActionResult> AdminActionAsync(Func<Task> action, Func<string> doneUrl, Func<Task<IActionResult>> show,
        Func<ScimException, string>? explain = null)
    {
        if (await EnterAsync(adminsOnly: true) is { } instead) return instead;
        Error = await FormRefusals.OfAsync(action, explain);
        return Error is null ? LocalRedirect(doneUrl()) : await show();
    }

    /// <summary>The page of a group of this tenant.</summary>
    public string GroupPath(string groupId) => $"/t/{Tenant}/groups/{Uri.EscapeDataString(groupId)}";

    /// <summary>The SCIM integration's settings page (it belongs to the platform group).</summary>
    public string ScimSettingsPath => GroupPath(PlatformGroupId) + "/settings/integrations/scim";

    /// <summary>The single sign-on settings page (it belongs to the platform group too).</summary>
    public string SsoSettingsPath => GroupPath(PlatformGroupId) + "/settings/integrations/sso";
}
