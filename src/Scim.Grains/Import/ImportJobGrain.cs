using Scim.Grains.Interfaces.Errors;
using Scim.Grains.Interfaces.Import;

namespace Scim.Grains.Import;

/// <summary>An import job's progress and outcomes, in memory (see <see cref="IImportJobGrain"/>).</summary>
internal sealed class ImportJobGrain(TimeProvider clock) : Grain, IImportJobGrain
{
    private readonly List<ImportOutcome> outcomes = [];
    private readonly List<int> refused = [];
    private ImportJob? job;

    public Task<ImportJob> StartAsync(string fileName, string startedBy, string holder)
    {
        if (job is not null) throw ScimException.Uniqueness("The import job has started already.");
        var id = this.GetPrimaryKeyString().Split('/')[^1];
        job = new ImportJob(id, fileName, startedBy, clock.GetUtcNow(), ImportPhase.Checking, 0, null, NoCounts(), false, null, holder);
        return Task.FromResult(job);
    }

    public Task<ImportJob> GetAsync() => Task.FromResult(Current);

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
        job = current with { RowsDone = outcomes.Count, Counts = counts };
        return Task.FromResult(job);
    }

    public Task<ImportJob> FinishPhaseAsync(string? error)
    {
        var current = Current;
        job = error is not null ? current with { Phase = ImportPhase.Failed, Error = error }
            : current.Phase switch
            {
                ImportPhase.Checking => current with { Phase = ImportPhase.Checked, TotalRows = outcomes.Count },
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

    private ImportJob Current => job ?? throw ScimException.NotFound("No such import: it may have been forgotten after a while; upload the file again.");

    private static Dictionary<ImportAction, int> NoCounts() => Enum.GetValues<ImportAction>().ToDictionary(a => a, _ => 0);
}
