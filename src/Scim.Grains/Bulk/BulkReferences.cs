using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Scim.Grains.Interfaces.Bulk;
using Scim.Grains.Interfaces.Resources;

namespace Scim.Grains.Bulk;

/// <summary>
/// The <c>bulkId:...</c> references of a bulk operation (RFC 7644 §3.7.2) and their replacement by the ids the
/// referenced operations created. A reference stands where an id would, and only there: a whole JSON string value of
/// the data, the last segment of the resource path, or a whole quoted literal in a PATCH path's value filter. Free
/// text that merely contains "bulkId:" (a title "Moved from bulkId:alpha team") is data and stays as it is.
/// </summary>
public static partial class BulkReferences
{
    private const string Prefix = "bulkId:";

    public static IReadOnlySet<string> Of(BulkOperation operation)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        Rewrite(operation, id =>
        {
            found.Add(id);
            return null;
        });
        return found;
    }

    public static BulkOperation Resolve(BulkOperation operation, IReadOnlyDictionary<string, string> ids) => Rewrite(operation, ids.GetValueOrDefault);

    /// <summary>Visits every reference; <paramref name="replace"/> gives the id it stands for, or null to leave it.</summary>
    private static BulkOperation Rewrite(BulkOperation operation, Func<string, string?> replace)
    {
        var patch = operation.Patch is null
            ? null
            : new PatchRequest(operation.Patch.Operations
                .Select(o => o with { Path = o.Path is null ? null : InFilterLiterals(o.Path, replace), ValueJson = InJson(o.ValueJson, replace) })
                .ToList());
        return operation with { Path = InResourcePath(operation.Path, replace), DataJson = InJson(operation.DataJson, replace), Patch = patch };
    }

    private static string InResourcePath(string path, Func<string, string?> replace)
    {
        var slash = path.LastIndexOf('/');
        var last = path[(slash + 1)..];
        return ReferencedId(last) is { } id && replace(id) is { } resolved ? path[..(slash + 1)] + resolved : path;
    }

    private static string InFilterLiterals(string path, Func<string, string?> replace) =>
        QuotedReference().Replace(path, m => replace(m.Groups["id"].Value) is { } resolved ? $"\"{resolved}\"" : m.Value);

    private static string? InJson(string? json, Func<string, string?> replace)
    {
        if (json is null || !json.Contains(Prefix, StringComparison.Ordinal)) return json;
        var root = JsonNode.Parse(json);
        return Visit(root, replace) ? root!.ToJsonString() : json;
    }

    /// <summary>Replaces whole string values that are references; true when one was replaced.</summary>
    private static bool Visit(JsonNode? node, Func<string, string?> replace)
    {
        switch (node)
        {
            case JsonObject obj:
                var changedInObject = false;
                foreach (var (key, value) in obj.ToList())
                {
                    if (Replacement(value, replace) is { } resolved) { obj[key] = resolved; changedInObject = true; }
                    else changedInObject |= Visit(value, replace);
                }
                return changedInObject;
            case JsonArray array:
                var changedInArray = false;
                for (var i = 0; i < array.Count; i++)
                {
                    if (Replacement(array[i], replace) is { } resolved) { array[i] = resolved; changedInArray = true; }
                    else changedInArray |= Visit(array[i], replace);
                }
                return changedInArray;
            default:
                return false;
        }
    }

    private static string? Replacement(JsonNode? value, Func<string, string?> replace) =>
        value is JsonValue v && v.TryGetValue<string>(out var text) && ReferencedId(text) is { } id ? replace(id) : null;

    private static string? ReferencedId(string text) =>
        text.Length > Prefix.Length && text.StartsWith(Prefix, StringComparison.Ordinal) ? text[Prefix.Length..] : null;

    [GeneratedRegex(@"""bulkId:(?<id>[^""]+)""")]
    private static partial Regex QuotedReference();
}
