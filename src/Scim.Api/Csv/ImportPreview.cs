using Scim.Grains.Interfaces.Import;
using Scim.Grains.Interfaces.References;
using Scim.Grains.Interfaces.Tenants;

namespace Scim.Api.Csv;

/// <summary>
/// What importing a users file would do, row by row, changing nothing: the file is read as it arrives and decided a
/// batch at a time by the tenant's import grain. A userName that a row earlier in the file already had is refused.
/// Memory holds the counts, the rows listed and one batch, plus the file's userNames to find repeats.
/// </summary>
public sealed record ImportPreview(IReadOnlyDictionary<string, int> Counts, IReadOnlyList<ImportOutcome> Refused, IReadOnlyList<ImportOutcome> Rows,
    bool Truncated)
{
    public const int Batch = 250;
    public const int MaxListed = 1000;

    public static async Task<ImportPreview> OfAsync(IGrainFactory grains, string tenant, Stream file, CancellationToken cancellationToken)
    {
        var fields = await grains.Grain<ITenantGrain>(tenant).GetCustomFieldsAsync();
        var import = grains.Grain<IUserImportGrain>(tenant);
        var counts = Enum.GetValues<ImportAction>().ToDictionary(a => a, _ => 0);
        var (refused, rows, truncated) = (new List<ImportOutcome>(), new List<ImportOutcome>(), false);
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var batch = new List<ImportRow>(Batch);
        var repeats = new Dictionary<int, ImportOutcome>();

        async Task DecideAsync()
        {
            foreach (var outcome in await import.PreviewAsync(batch))
            {
                var final = repeats.GetValueOrDefault(outcome.Line) ?? outcome;
                counts[final.Action]++;
                var list = final.Action == ImportAction.Refused ? refused : rows;
                if (list.Count < MaxListed) list.Add(final);
                else truncated = true;
            }
            (batch, repeats) = (new List<ImportRow>(Batch), new Dictionary<int, ImportOutcome>());
        }

        await foreach (var row in UserCsvReader.ReadAsync(file, tenant, fields, cancellationToken))
        {
            var userName = (string.IsNullOrWhiteSpace(row.UserName) ? row.Email : row.UserName)?.Trim();
            if (userName is not null && !seen.TryAdd(userName, row.Line))
                repeats[row.Line] = new ImportOutcome(row.Line, userName, ImportAction.Refused, $"Line {seen[userName]} has the same userName.");
            batch.Add(row);
            if (batch.Count == Batch) await DecideAsync();
        }
        if (batch.Count > 0) await DecideAsync();
        return new ImportPreview(counts.ToDictionary(c => c.Key.ToString().ToLowerInvariant(), c => c.Value), refused, rows, truncated);
    }
}
