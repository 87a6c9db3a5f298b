using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Scim.Api.Auth;
using Scim.Api.Http;
using Scim.Grains.Interfaces.References;
using Scim.Grains.Interfaces.Tenants;

namespace Scim.Api.Pages.Operator;

/// <summary>The operator's tenants: every customer platform, and a form to create one.</summary>
[Authorize(Policy = OperatorSessions.Policy)]
public sealed class IndexModel(IGrainFactory grains) : PageModel
{
    [BindProperty] public string? Id { get; set; }

    [BindProperty] public string? DisplayName { get; set; }

    public IReadOnlyList<TenantInfo> Tenants { get; private set; } = [];

    public string? Error { get; private set; }

    public async Task OnGetAsync() => Tenants = await grains.GetGrain<ITenantCatalogGrain>(0).ListAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        var id = Id?.Trim() ?? "";
        if (!TenantIds.IsValid(id))
            Error = "The tenant ID must be 1-63 lowercase letters, digits or '-', starting with a letter or digit, for example \"riverside-school\".";
        else
        {
            Error = await FormRefusals.OfAsync(() => grains.Grain<ITenantGrain>(id).CreateAsync(string.IsNullOrWhiteSpace(DisplayName) ? id : DisplayName.Trim()),
                e => e.Status == StatusCodes.Status409Conflict ? $"A tenant \"{id}\" exists already. Choose another ID, or open it in the list." : e.Detail);
            if (Error is null) return LocalRedirect($"/operator/tenants/{id}");
        }
        await OnGetAsync();
        return Page();
    }
}
