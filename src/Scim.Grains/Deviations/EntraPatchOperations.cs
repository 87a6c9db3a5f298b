using System.Text.Json.Nodes;
using Scim.Grains.Documents;
using Scim.Grains.Interfaces.Resources;
using Scim.Grains.Schemas;

namespace Scim.Grains.Deviations;

/// <summary>
/// Entra ID's PATCH operations in the form RFC 7644 §3.5.2 gives them. Entra writes op names capitalized ("Add",
/// "Replace", "Remove": E1; OneLogin's lowercase is the RFC's), and puts attribute paths where a path-less value holds
/// attribute names ("name.givenName", "urn:...:enterprise:2.0:User:department": E4). Each such value becomes one
/// operation per key, in the order sent, with the key as its path.
/// </summary>
/// <remarks>Tests: <c>IdpQuirksTests.E1_PascalCaseOps_AreApplied</c>, <c>IdpQuirksTests.E4_PathlessReplace_WithDottedAndUrnKeys</c>.</remarks>
public static class EntraPatchOperations
{
    public static IReadOnlyList<PatchOperation> Normalize(IReadOnlyList<PatchOperation> operations, ResourceSchema schema)
    {
        var result = new List<PatchOperation>(operations.Count);
        foreach (var operation in operations)
        {
            var op = operation.Op?.Trim().ToLowerInvariant() ?? "";
            if (string.IsNullOrWhiteSpace(operation.Path) && PathKeyed(operation.ValueJson, schema) is { } values)
            {
                foreach (var (key, value) in values)
                    if (!key.Equals("schemas", StringComparison.OrdinalIgnoreCase)) result.Add(new PatchOperation(op, key, value?.ToJsonString()));
            }
            else
            {
                result.Add(op == operation.Op ? operation : operation with { Op = op });
            }
        }
        return result;
    }

    /// <summary>A path-less value with some key that is an attribute path rather than a name or a schema URN, else null.</summary>
    private static JsonObject? PathKeyed(string? json, ResourceSchema schema)
    {
        // Most path-less values hold plain names: parse only those that could hold a path.
        if (json is null || (!json.Contains('.') && !json.Contains("urn:", StringComparison.OrdinalIgnoreCase))) return null;
        return JsonBodies.ParseOperationValue(json) is JsonObject values && values.Any(p => IsPath(p.Key, schema)) ? values : null;
    }

    private static bool IsPath(string key, ResourceSchema schema) =>
        schema.FindSchema(key) is null && AttrPath.TryParse(key) is { } path && (path.Urn is not null || path.SubAttribute is not null);
}
