using System.Runtime.CompilerServices;
using Scim.Grains.Interfaces.Import;
using Scim.Grains.Interfaces.Tenants;

namespace Scim.Api.Csv;

/// <summary>
/// A users file read in batches for the import grain. A row whose userName an earlier line of the file had is refused
/// here and never sent on, so it is neither checked nor applied; memory holds one batch and the file's userNames.
/// </summary>
public static class ImportBatches
{
    public const int Size = 250;

    /// <summary>A batch: the rows to decide, and the refused repeats among them, by line.</summary>
    public sealed record Batch(IReadOnlyList<ImportRow> Rows, IReadOnlyList<ImportOutcome> Repeats)
    {
        /// <summary>The grain's outcomes for <see cref="Rows"/> with the repeats, in the file's order.</summary>
        public IReadOnlyList<ImportOutcome> With(IReadOnlyList<ImportOutcome> decided) => [.. decided.Concat(Repeats).OrderBy(o => o.Line)];
    }

    public static async IAsyncEnumerable<Batch> ReadAsync(Stream file, string tenant, IReadOnlyList<CustomField> fields,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var (rows, repeats) = (new List<ImportRow>(Size), new List<ImportOutcome>());
        await foreach (var row in UserCsvReader.ReadAsync(file, tenant, fields, cancellationToken))
        {
            var userName = row.UserName;
            if (userName is not null && !seen.TryAdd(userName, row.Line))
                repeats.Add(new ImportOutcome(row.Line, userName, ImportAction.Refused, $"Line {seen[userName]} has the same userName."));
            else rows.Add(row);
            if (rows.Count + repeats.Count < Size) continue;
            yield return new Batch(rows, repeats);
            (rows, repeats) = (new List<ImportRow>(Size), new List<ImportOutcome>());
        }
        if (rows.Count + repeats.Count > 0) yield return new Batch(rows, repeats);
    }
}
