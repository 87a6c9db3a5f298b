using System.Text.RegularExpressions;
using Scim.Grains.Interfaces.Bulk;
using Scim.Grains.Interfaces.Resources;

namespace Scim.Grains.Bulk;

/// <summary>
/// The <c>bulkId:...</c> references of a bulk operation (RFC 7644 §3.7.2) in its path and values, and their
/// replacement by the ids the referenced operations created.
/// </summary>
public static partial class BulkReferences
{
    public static IReadOnlySet<string> Of(BulkOperation operation)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        foreach (var text in Texts(operation))
        {
            foreach (Match match in Reference().Matches(text)) found.Add(match.Groups["id"].Value);
        }
        return found;
    }

    public static BulkOperation Resolve(BulkOperation operation, IReadOnlyDictionary<string, string> ids)
    {
        string? Replace(string? text) => text is null ? null : Reference().Replace(text, m => ids.GetValueOrDefault(m.Groups["id"].Value) ?? m.Value);
        var patch = operation.Patch is null
            ? null
            : new PatchRequest(operation.Patch.Operations.Select(o => o with { Path = Replace(o.Path), ValueJson = Replace(o.ValueJson) }).ToList());
        return operation with { Path = Replace(operation.Path)!, DataJson = Replace(operation.DataJson), Patch = patch };
    }

    private static IEnumerable<string> Texts(BulkOperation operation)
    {
        yield return operation.Path;
        if (operation.DataJson is not null) yield return operation.DataJson;
        foreach (var op in operation.Patch?.Operations ?? [])
        {
            if (op.Path is not null) yield return op.Path;
            if (op.ValueJson is not null) yield return op.ValueJson;
        }
    }

    // A reference stands where an id would: a whole JSON string value, or the last segment of a path.
    [GeneratedRegex(@"bulkId:(?<id>[^""\s/\]]+)")]
    private static partial Regex Reference();
}
