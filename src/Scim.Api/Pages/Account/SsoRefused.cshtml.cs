using Microsoft.AspNetCore.Mvc;
using Scim.Api.SingleSignOn;
using Scim.Grains.Interfaces.Platform;
using Scim.Grains.Interfaces.References;

namespace Scim.Api.Pages.Account;

/// <summary>Where a refused or failed sign-in through the identity provider lands: what happened, and what to do next.</summary>
public sealed class SsoRefusedModel(IGrainFactory grains) : TenantPageModel(grains)
{
    [BindProperty(SupportsGet = true)] public string? Reason { get; set; }

    public string Explanation { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadTenantAsync()) return Page();
        var settings = await Grains.Grain<ISingleSignOnGrain>(Tenant).GetAsync();
        Explanation = SsoRefusals.Explain(Reason, SsoProviders.Name(settings));
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return Page();
    }
}
