using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Scim.Api.Http;
using Scim.Grains.Interfaces.References;
using Scim.Grains.Interfaces.Tenants;

namespace Scim.Api.Pages;

/// <summary>A page of one tenant's platform (<c>/t/{tenant}/...</c>): it knows the tenant, shows its name, and is a 404 page for a tenant that does not exist.</summary>
public abstract class TenantPageModel(IGrainFactory grains) : PageModel
{
    protected IGrainFactory Grains => grains;

    public string Tenant => (string)RouteData.Values["tenant"]!;

    /// <summary>The tenant, once loaded.</summary>
    public TenantInfo? Info { get; private set; }

    /// <summary>Set when the tenant does not exist: the page shows only that.</summary>
    public bool UnknownTenant { get; private set; }

    /// <summary>Loads the tenant; false (with a 404 status for the page) when there is none.</summary>
    protected async Task<bool> LoadTenantAsync()
    {
        Info = TenantIds.IsValid(Tenant) ? await grains.Grain<ITenantGrain>(Tenant).GetAsync() : null;
        ViewData["Platform"] = Info?.DisplayName;
        ViewData["Tenant"] = Tenant;
        if (Info is not null) return true;
        UnknownTenant = true;
        Response.StatusCode = StatusCodes.Status404NotFound;
        return false;
    }

    protected IActionResult ToSignIn() => LocalRedirect(Auth.PlatformSessions.SignInPath(Tenant, Request.Path + Request.QueryString));
}
