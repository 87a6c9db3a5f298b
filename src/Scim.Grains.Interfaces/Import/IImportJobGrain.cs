namespace Scim.Grains.Interfaces.Import;

/// <summary>
/// One CSV import of a tenant, keyed <c>{tenant}/{jobId}</c>: its progress and each row's outcome, shared by every API
/// process so any of them can show it. The process holding the file reports as it checks and applies; an admin's
/// "apply" is recorded here for it to find. Kept in memory only: a job lasts as long as its activation, and importing
/// the file again is safe (the import is idempotent).
/// </summary>
[Alias("scim.IImportJobGrain")]
public interface IImportJobGrain : IGrainWithStringKey
{
    Task<ImportJob> StartAsync(string fileName, string startedBy, string holder);

    /// <summary>
    /// The job; 404 when there is none (never started, or forgotten). A job whose holder has not been heard from for a
    /// while has failed: its process stopped, and the file with it.
    /// </summary>
    Task<ImportJob> GetAsync();

    /// <summary>The holder's sign of life while the job waits for the admin; the job as it stands.</summary>
    Task<ImportJob> HolderAliveAsync();

    /// <summary>Adds the outcomes of the next rows of the current phase.</summary>
    Task<ImportJob> ReportAsync(IReadOnlyList<ImportOutcome> outcomes);

    /// <summary>Ends the current phase: checking becomes checked, applying done; with an error, the job fails.</summary>
    Task<ImportJob> FinishPhaseAsync(string? error);

    /// <summary>The admin's go-ahead for a checked job; 409 in any other phase.</summary>
    Task<ImportJob> ApplyAsync(bool invite);

    /// <summary>Outcomes of the current phase from <paramref name="from"/> on, all or only the refused ones.</summary>
    Task<IReadOnlyList<ImportOutcome>> OutcomesAsync(int from, int count, bool refusedOnly);
}
