using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Scim.Api.Auth;
using Scim.Api.Http;
using Scim.Grains.Interfaces.Errors;
using Scim.Grains.Interfaces.Platform;
using Scim.Grains.Interfaces.References;
using Scim.Grains.Interfaces.Resources;
using Scim.Grains.Interfaces.Tenants;

namespace Scim.Api.Pages.Operator;

/// <summary>
/// One tenant in the operator's console: its platform group ID, the SCIM connector, the custom fields its identity
/// provider sends, and its owner and admins (created here; their invitation e-mails go out through the outbox). Every
/// form calls the grains the operator API calls.
/// </summary>
[Authorize(Policy = OperatorSessions.Policy)]
public sealed class TenantModel(IGrainFactory grains) : PageModel
{
    /// <summary>Blank rows the custom fields editor offers for new fields.</summary>
    public const int BlankFieldRows = 2;

    public static readonly IReadOnlyList<string> FieldTypes = ["string", "boolean", "integer", "decimal", "dateTime", "reference"];

    /// <summary>A row of the custom fields editor.</summary>
    public sealed class FieldRow
    {
        public string? Name { get; set; }
        public string Type { get; set; } = "string";
        public bool MultiValued { get; set; }
        public bool Required { get; set; }
    }

    [FromRoute] public string Tenant { get; set; } = "";

    [BindProperty] public string? PlatformGroupId { get; set; }

    [BindProperty] public string? ConnectorAdminEmail { get; set; }

    [BindProperty] public List<FieldRow> Fields { get; set; } = [];

    [BindProperty] public string? Email { get; set; }

    [BindProperty] public string? DisplayName { get; set; }

    [BindProperty] public string Role { get; set; } = "owner";

    [BindProperty(SupportsGet = true)] public string? Done { get; set; }

    public TenantInfo? Info { get; private set; }

    public ConnectorState? Connector { get; private set; }

    public string? Error { get; private set; }

    private ITenantGrain TenantGrain => grains.Grain<ITenantGrain>(Tenant);

    public Task<IActionResult> OnGetAsync() => ShowAsync();

    public Task<IActionResult> OnPostConnectorAsync() =>
        ActAsync("connector", () => TenantGrain.EnableConnectorAsync(PlatformGroupId?.Trim() ?? "", ConnectorAdminEmail?.Trim() ?? ""));

    public Task<IActionResult> OnPostFieldsAsync() => ActAsync("fields", async () =>
    {
        var kept = (await TenantGrain.GetCustomFieldsAsync()).ToDictionary(f => f.Name, StringComparer.Ordinal);
        // Settings the editor does not show (case-exactness, canonical values, description) stay as they were.
        var fields = Fields.Where(row => !string.IsNullOrWhiteSpace(row.Name)).Select(row =>
            kept.TryGetValue(row.Name!.Trim(), out var field)
                ? field with { Type = row.Type, MultiValued = row.MultiValued, Required = row.Required }
                : new CustomField(row.Name.Trim(), row.Type, row.MultiValued, row.Required)).ToList();
        await TenantGrain.SetCustomFieldsAsync(fields);
    });

    public Task<IActionResult> OnPostPersonAsync() => ActAsync("person", async () =>
    {
        if (string.IsNullOrWhiteSpace(Email)) throw ScimException.InvalidValue("Enter the person's e-mail address: their invitation goes there.");
        var body = PlatformUserBodies.Of(null, Email.Trim(), string.IsNullOrWhiteSpace(DisplayName) ? null : DisplayName.Trim());
        await grains.Grain<IUserGrain>(ResourceKeys.Of(Tenant, Guid.NewGuid().ToString())).CreatePlatformUserAsync(body, RoleNames.Parse(Role));
    });

    private async Task<IActionResult> ActAsync(string done, Func<Task> action)
    {
        if (await LoadAsync() is { } missing) return missing;
        try
        {
            await action();
        }
        catch (ScimException e) when (e.Status < 500)
        {
            Error = e.Detail;
            return await ShowAsync();
        }
        return LocalRedirect($"/operator/tenants/{Tenant}?done={done}");
    }

    /// <summary>The page, its forms holding what was posted (after a refusal) and the stored values otherwise.</summary>
    private async Task<IActionResult> ShowAsync()
    {
        if (await LoadAsync() is { } missing) return missing;
        Connector = await TenantGrain.GetConnectorAsync();
        PlatformGroupId ??= Info!.PlatformGroupId;
        ConnectorAdminEmail ??= Connector.ConnectorAdminEmail;
        if (Fields.Count > 0) return Page();
        Fields = (await TenantGrain.GetCustomFieldsAsync())
            .Select(f => new FieldRow { Name = f.Name, Type = f.Type, MultiValued = f.MultiValued, Required = f.Required })
            .Concat(Enumerable.Range(0, BlankFieldRows).Select(_ => new FieldRow())).ToList();
        return Page();
    }

    /// <summary>Loads the tenant; the 404 answer when there is none.</summary>
    private async Task<IActionResult?> LoadAsync()
    {
        Info = TenantIds.IsValid(Tenant) ? await TenantGrain.GetAsync() : null;
        if (Info is not null) return null;
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }
}
