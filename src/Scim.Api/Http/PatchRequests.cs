using System.Text.Json;
using System.Text.Json.Nodes;
using Scim.Grains.Interfaces.Errors;
using Scim.Grains.Interfaces.Resources;

namespace Scim.Api.Http;

/// <summary>
/// Reads an RFC 7644 §3.5.2 PatchOp body into a typed request. Member names are matched case-insensitively
/// ("Operations", "op", "path", "value"); the op name itself is checked by the PATCH engine.
/// </summary>
public static class PatchRequests
{
    public static PatchRequest Parse(string json)
    {
        var body = JsonObjects.Parse(json, "PATCH");
        if (JsonObjects.Member(body, "Operations") is not JsonArray operations)
            throw ScimException.InvalidSyntax("A PATCH body needs an 'Operations' array.");
        return new PatchRequest(operations.Select(ParseOperation).ToList());
    }

    private static PatchOperation ParseOperation(JsonNode? node)
    {
        if (node is not JsonObject operation) throw ScimException.InvalidSyntax("Each PATCH operation must be a JSON object.");
        var op = JsonObjects.Member(operation, "op") is JsonValue o && o.GetValueKind() == JsonValueKind.String ? o.GetValue<string>() : null;
        var path = JsonObjects.String(operation, "path", ScimException.InvalidPath);
        return new PatchOperation(op ?? "", path, JsonObjects.Member(operation, "value")?.ToJsonString());
    }
}
