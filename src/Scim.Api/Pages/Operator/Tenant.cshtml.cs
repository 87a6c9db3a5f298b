using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
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
public sealed class TenantModel(IGrainFactory grains) : TenantPageModel(grains)
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

    [BindProperty] public string? PlatformGroupId { get; set; }

    [BindProperty] public string? ConnectorAdminEmail { get; set; }

    [BindProperty] public List<FieldRow> Fields { get; set; } = [];

    [BindProperty] public string? Email { get; set; }

    [BindProperty] public string? DisplayName { get; set; }

    [BindProperty] public string Role { get; set; } = "owner";

    [BindProperty(SupportsGet = true)] public string? Done { get; set; }

    public ConnectorState? Connector { get; private set; }

    public string? Error { get; private set; }

    private ITenantGrain TenantGrain => Grains.Grain<ITenantGrain>(Tenant);

    public async Task<IActionResult> OnGetAsync() => await LoadTenantAsync() ? await ShowAsync() : Page();

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
        await Grains.Grain<IUserCreationGrain>(Tenant).CreatePlatformUserAsync(body, RoleNames.Parse(Role));
    });

    private async Task<IActionResult> ActAsync(string done, Func<Task> action)
    {
        if (!await LoadTenantAsync()) return Page();
        Error = await FormRefusals.OfAsync(action);
        return Error is null ? LocalRedirect($"/operator/tenants/{Tenant}?done={done}") : await ShowAsync();
    }

    /// <summary>The page, its forms holding what was posted (after a refusal) and the stored values otherwise.</summary>
    private async Task<IActionResult> ShowAsync()
    {
        Connector = await TenantGrain.GetConnectorAsync();
        PlatformGroupId ??= Info!.PlatformGroupId;
        ConnectorAdminEmail ??= Connector.ConnectorAdminEmail;
        if (Fields.Count > 0) return Page();
        Fields = (await TenantGrain.GetCustomFieldsAsync())
            .Select(f => new FieldRow { Name = f.Name, Type = f.Type, MultiValued = f.MultiValued, Required = f.Required })
            .Concat(Enumerable.Range(0, BlankFieldRows).Select(_ => new FieldRow())).ToList();
        return Page();
    }
}
