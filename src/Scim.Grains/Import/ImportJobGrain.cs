using Scim.Grains.Interfaces.Errors;
using Scim.Grains.Interfaces.Import;

namespace Scim.Grains.Import;

/// <summary>An import job's progress and outcomes, in memory (see <see cref="IImportJobGrain"/>).</summary>
internal sealed class ImportJobGrain(TimeProvider clock) : Grain, IImportJobGrain
{
    /// <summary>How long a job's holder may go unheard before the job counts as lost: far above a batch's time.</summary>
    public static readonly TimeSpan HolderLost = TimeSpan.FromMinutes(2);

    private readonly List<ImportOutcome> outcomes = [];
    private readonly List<int> refused = [];
    private ImportJob? job;

    public Task<ImportJob> StartAsync(string fileName, string startedBy, string holder)
    {
        if (job is not null) throw ScimException.Uniqueness("The import job has started already.");
        var id = this.GetPrimaryKeyString().Split('/')[^1];
        var now = clock.GetUtcNow();
        job = new ImportJob(id, fileName, startedBy, now, ImportPhase.Checking, 0, null, NoCounts(), false, null, holder, now);
        return Task.FromResult(job);
    }

    public Task<ImportJob> GetAsync() => Task.FromResult(Current);

    public Task<ImportJob> HolderAliveAsync() => Task.FromResult(job = Current with { HolderSeen = clock.GetUtcNow() });

    public Task<ImportJob> ReportAsync(IReadOnlyList<ImportOutcome> next)
    {
        var current = Current;
        if (current.Phase is not (ImportPhase.Checking or ImportPhase.Applying)) throw ScimException.Conflict($"The import is {current.Phase}.");
        var counts = new Dictionary<ImportAction, int>(current.Counts);
        foreach (var outcome in next)
        {
            if (outcome.Action == ImportAction.Refused) refused.Add(outcomes.Count);
            outcomes.Add(outcome);
            counts[outcome.Action]++;
        }
        job = current with { RowsDone = outcomes.Count, Counts = counts, HolderSeen = clock.GetUtcNow() };
        return Task.FromResult(job);
    }

    public Task<ImportJob> FinishPhaseAsync(string? error)
    {
        var current = Current;
        job = error is not null ? current with { Phase = ImportPhase.Failed, Error = error }
            : current.Phase switch
            {
                ImportPhase.Checking => current with { Phase = ImportPhase.Checked, TotalRows = outcomes.Count, HolderSeen = clock.GetUtcNow() },
                ImportPhase.Applying => current with { Phase = ImportPhase.Done },
                _ => throw ScimException.Conflict($"The import is {current.Phase}."),
            };
        return Task.FromResult(job);
    }

    public Task<ImportJob> ApplyAsync(bool invite)
    {
        var current = Current;
        if (current.Phase != ImportPhase.Checked)
            throw ScimException.Conflict(current.Phase == ImportPhase.Checking ? "The file is still being checked." : $"The import is {current.Phase.ToString().ToLowerInvariant()} already.");
        outcomes.Clear();
        refused.Clear();
        job = current with { Phase = ImportPhase.Applying, RowsDone = 0, Counts = NoCounts(), Invite = invite };
        return Task.FromResult(job);
    }

    public Task<IReadOnlyList<ImportOutcome>> OutcomesAsync(int from, int count, bool refusedOnly)
    {
        _ = Current;
        IReadOnlyList<ImportOutcome> page = refusedOnly
            ? [.. refused.Skip(from).Take(count).Select(i => outcomes[i])]
            : [.. outcomes.Skip(from).Take(count)];
        return Task.FromResult(page);
    }

    /// <summary>The job, failed if its holder has been silent too long while the job still needed it.</summary>
    private ImportJob Current
    {
        get
        {
            var current = job ?? throw ScimException.NotFound("No such import: it may have been forgotten after a while; upload the file again.");
            if (current.Phase is ImportPhase.Checking or ImportPhase.Checked or ImportPhase.Applying && clock.GetUtcNow() - current.HolderSeen > HolderLost)
                job = current = current with
                {
                    Phase = ImportPhase.Failed,
                    Error = $"The server process that held the file ({current.Holder}) stopped. Upload the file again: the rows already imported stay unchanged.",
                };
            return current;
        }
    }

    private static Dictionary<ImportAction, int> NoCounts() => Enum.GetValues<ImportAction>().ToDictionary(a => a, _ => 0);
}
