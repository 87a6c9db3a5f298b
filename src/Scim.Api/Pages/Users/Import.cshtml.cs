using Microsoft.AspNetCore.Mvc;
using Scim.Api.Csv;
using Scim.Grains.Interfaces.References;
using Scim.Grains.Interfaces.Tenants;

namespace Scim.Api.Pages.Users;

/// <summary>
/// Users -> Import, for admins and the owner: the columns a users file may have (with the tenant's custom fields), and
/// the upload that starts an import job; its page shows the rows checked before anything changes.
/// </summary>
[RequestSizeLimit(LimitedUpload.MaxImportBytes + 64 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = LimitedUpload.MaxImportBytes)]
public sealed class ImportModel(IGrainFactory grains, ImportJobs jobs) : PlatformPageModel(grains)
{
    [BindProperty] public IFormFile? Upload { get; set; }

    public IReadOnlyList<CustomField> CustomFields { get; private set; } = [];

    public bool IntegrationActive { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await EnterAsync(adminsOnly: true) ?? await ShowAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await EnterAsync(adminsOnly: true) is { } instead) return instead;
        if (Upload is null || Upload.Length == 0)
        {
            Error = "Choose a CSV file of users to import.";
            return await ShowAsync();
        }
        string? jobId = null;
        Error = await FormRefusals.OfAsync(async () =>
        {
            await using var upload = Upload.OpenReadStream();
            jobId = (await jobs.StartAsync(Tenant, Upload.FileName, Viewer!.Id, upload, HttpContext.RequestAborted)).Id;
        });
        return jobId is null ? await ShowAsync() : LocalRedirect($"/t/{Tenant}/users/import/{jobId}");
    }

    private async Task<IActionResult> ShowAsync()
    {
        var tenant = Grains.Grain<ITenantGrain>(Tenant);
        CustomFields = await tenant.GetCustomFieldsAsync();
        IntegrationActive = (await tenant.GetConnectorAsync()).Active;
        return Page();
    }
}
