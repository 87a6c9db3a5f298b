using Scim.Grains.Interfaces.Import;

namespace Scim.Api.Csv;

/// <summary>An import job's report as CSV: a row per line of the file with what was done (or would be) and why a line was refused.</summary>
public static class ImportReport
{
    private const int Page = 1000;

    public static async Task WriteAsync(IImportJobGrain job, Stream output, CancellationToken cancellationToken)
    {
        var state = await job.GetAsync();
        var applied = state.Phase is ImportPhase.Applying or ImportPhase.Done;
        await using var paged = new PagedCsvWriter(output);
        paged.Csv.WriteHeader(["line", "userName", applied ? "done" : "wouldDo", "reason", "userId"]);
        for (var from = 0; ; from += Page)
        {
            var outcomes = await job.OutcomesAsync(from, Page, refusedOnly: false);
            foreach (var o in outcomes)
                paged.Csv.WriteRecord([o.Line.ToString(System.Globalization.CultureInfo.InvariantCulture), o.UserName ?? "", o.Action.ToString().ToLowerInvariant(), o.Reason ?? "", o.UserId ?? ""]);
            await paged.FlushAsync(cancellationToken);
            if (outcomes.Count < Page) break;
        }
    }
}
