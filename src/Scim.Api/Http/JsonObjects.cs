using System.Text.Json;
using System.Text.Json.Nodes;
using Scim.Grains.Interfaces.Errors;

namespace Scim.Api.Http;

/// <summary>The JSON object bodies of SCIM messages (PatchOp, SearchRequest): parsed with a depth limit, members found case-insensitively.</summary>
public static class JsonObjects
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 32 };

    public static JsonObject Parse(string json, string message)
    {
        try
        {
            return JsonNode.Parse(json, documentOptions: Options) as JsonObject
                ?? throw ScimException.InvalidSyntax($"A {message} body must be a JSON object.");
        }
        catch (JsonException e)
        {
            throw ScimException.InvalidSyntax($"The request body is not valid JSON: {e.Message}");
        }
    }

    public static JsonNode? Member(JsonObject obj, string name) =>
        obj.FirstOrDefault(p => p.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Value;
}
