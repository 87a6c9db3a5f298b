using Microsoft.AspNetCore.Mvc;

namespace Scim.Api.Pages.Settings;

/// <summary>A group's Settings: today its one section is Integrations -> SCIM, which belongs to the platform group.</summary>
public sealed class SettingsModel(IGrainFactory grains) : PlatformPageModel(grains)
{
    public async Task<IActionResult> OnGetAsync() => await EnterAsync(adminsOnly: true) ?? LocalRedirect(ScimSettingsPath);
}
