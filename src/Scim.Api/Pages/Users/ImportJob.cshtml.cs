using Microsoft.AspNetCore.Mvc;
using Scim.Api.Csv;
using Scim.Grains.Interfaces.Errors;
using Scim.Grains.Interfaces.Import;

namespace Scim.Api.Pages.Users;

/// <summary>
/// An import job: the rows being checked, then what each would do and why a row is refused, the go-ahead (with or
/// without invitations), the progress of the import, and its report. While the job works, the page updates itself.
/// </summary>
public sealed class ImportJobModel(IGrainFactory grains) : PlatformPageModel(grains)
{
    public const int Listed = 200;

    [FromRoute] public string Id { get; set; } = "";

    [BindProperty] public bool Invite { get; set; }

    public ImportJob? Job { get; private set; }

    public IReadOnlyList<ImportOutcome> Refused { get; private set; } = [];

    public IReadOnlyList<ImportOutcome> Rows { get; private set; } = [];

    public bool Working => Job?.Phase is ImportPhase.Checking or ImportPhase.Applying;

    public int Changes => Job is null ? 0 : Job.Counts[ImportAction.Create] + Job.Counts[ImportAction.Update] + Job.Counts[ImportAction.Deactivate];

    public async Task<IActionResult> OnGetAsync() => await EnterAsync(adminsOnly: true) ?? await ShowAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await EnterAsync(adminsOnly: true) is { } instead) return instead;
        Error = await FormRefusals.OfAsync(() => JobGrain.ApplyAsync(Invite));
        return Error is null ? LocalRedirect($"/t/{Tenant}/users/import/{Id}") : await ShowAsync();
    }

    public async Task<IActionResult> OnGetReportAsync() => await EnterAsync(adminsOnly: true) ?? CsvDownload.ImportReport(Tenant, Id);

    private IImportJobGrain JobGrain => ImportJobs.Job(Grains, Tenant, Id);

    private async Task<IActionResult> ShowAsync()
    {
        try
        {
            Job = await JobGrain.GetAsync();
        }
        catch (ScimException e) when (e.Status == 404)
        {
            Response.StatusCode = 404;
            return Page();
        }
        Refused = await JobGrain.OutcomesAsync(0, Listed, refusedOnly: true);
        Rows = [.. (await JobGrain.OutcomesAsync(0, Listed, refusedOnly: false)).Where(o => o.Action != ImportAction.Refused)];
        return Page();
    }

    public static string ActionName(ImportAction action, bool applied) => (action, applied) switch
    {
        (ImportAction.Create, false) => "would create",
        (ImportAction.Update, false) => "would update",
        (ImportAction.Deactivate, false) => "would deactivate",
        (ImportAction.Create, true) => "created",
        (ImportAction.Update, true) => "updated",
        (ImportAction.Deactivate, true) => "deactivated",
        (ImportAction.Unchanged, _) => "unchanged",
        _ => "refused",
    };
}
