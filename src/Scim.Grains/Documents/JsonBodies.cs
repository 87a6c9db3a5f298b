using System.Text.Json;
using System.Text.Json.Nodes;
using Scim.Grains.Interfaces.Errors;

namespace Scim.Grains.Documents;

/// <summary>Parses request bodies and PATCH operation values; malformed JSON is a 400 invalidSyntax.</summary>
public static class JsonBodies
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 32 };

    public static JsonObject ParseObject(string json)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(json, documentOptions: Options);
        }
        catch (JsonException e)
        {
            throw ScimException.InvalidSyntax($"The request body is not valid JSON: {e.Message}");
        }
        return node as JsonObject ?? throw ScimException.InvalidSyntax("The request body must be a JSON object.");
    }

    /// <summary>A PATCH operation's value (JSON text; null when the operation has none).</summary>
    public static JsonNode? ParseOperationValue(string? json)
    {
        if (json is null) return null;
        try
        {
            return JsonNode.Parse(json, documentOptions: Options);
        }
        catch (JsonException e)
        {
            throw ScimException.InvalidSyntax($"The operation value is not valid JSON: {e.Message}");
        }
    }
}
