using System.Text.Json;
using System.Text.Json.Nodes;
using Scim.Grains.Interfaces.Bulk;
using Scim.Grains.Interfaces.Errors;

namespace Scim.Api.Http;

/// <summary>
/// Reads an RFC 7644 §3.7 BulkRequest body into typed operations: method, path, bulkId, version, and data (kept as JSON
/// for POST/PUT, parsed as a PatchOp for PATCH). More operations than <see cref="BulkLimits.MaxOperations"/> is a 413, a bulkId used twice a 400.
/// </summary>
public static class BulkRequests
{
    public const string Schema = "urn:ietf:params:scim:api:messages:2.0:BulkRequest";

    public static BulkRequest Parse(string json)
    {
        var body = JsonObjects.Parse(json, "BulkRequest");
        JsonObjects.RequireSchema(body, Schema, "bulk");
        if (JsonObjects.Member(body, "Operations") is not JsonArray operations)
            throw ScimException.InvalidSyntax("A bulk body needs an 'Operations' array.");
        if (operations.Count > BulkLimits.MaxOperations)
            throw ScimException.PayloadTooLarge($"A bulk request holds at most {BulkLimits.MaxOperations} operations; this one has {operations.Count}.");
        var failOnErrors = JsonObjects.Member(body, "failOnErrors") switch
        {
            null => (int?)null,
            JsonValue v when v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<int>(out var n) && n > 0 => n,
            _ => throw ScimException.InvalidValue("'failOnErrors' must be a positive integer."),
        };
        var parsed = operations.Select(ParseOperation).ToList();
        if (parsed.Where(o => o.BulkId is not null).GroupBy(o => o.BulkId, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } repeated)
            throw ScimException.InvalidValue($"The bulkId '{repeated.Key}' is used by more than one operation; each operation needs its own.");
        return new BulkRequest(parsed, failOnErrors);
    }

    private static BulkOperation ParseOperation(JsonNode? node)
    {
        if (node is not JsonObject operation) throw ScimException.InvalidSyntax("Each bulk operation must be a JSON object.");
        var method = Text(operation, "method") ?? throw ScimException.InvalidSyntax("A bulk operation needs a 'method'.");
        var path = Text(operation, "path") ?? throw ScimException.InvalidSyntax("A bulk operation needs a 'path'.");
        var data = JsonObjects.Member(operation, "data");
        if (data is not null and not JsonObject) throw ScimException.InvalidSyntax("A bulk operation's 'data' must be a JSON object.");
        var isPatch = method.Equals("PATCH", StringComparison.OrdinalIgnoreCase);
        return new BulkOperation(method, path, Text(operation, "bulkId"), Text(operation, "version"),
            isPatch ? null : data?.ToJsonString(),
            isPatch && data is not null ? PatchRequests.Parse(data.ToJsonString()) : null);
    }

    private static string? Text(JsonObject obj, string name) =>
        JsonObjects.String(obj, name, detail => ScimException.InvalidSyntax($"In a bulk operation, {detail}"));
}
