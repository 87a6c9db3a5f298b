using System.Text.Json;
using System.Text.Json.Nodes;
using Scim.Grains.Interfaces.Errors;

namespace Scim.Api.Http;

/// <summary>The JSON object bodies of SCIM messages (PatchOp, SearchRequest): parsed with a depth limit, members found case-insensitively.</summary>
public static class JsonObjects
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = StrictJson.MaxDepth };

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

    /// <summary>A message that lists its schemas must list <paramref name="urn"/> in an array; one that lists none is taken as meant.</summary>
    public static void RequireSchema(JsonObject body, string urn, string message)
    {
        var schemas = Member(body, "schemas");
        if (schemas is not null
            && (schemas is not JsonArray listed
                || !listed.Any(s => s is JsonValue v && v.TryGetValue<string>(out var name) && name.Equals(urn, StringComparison.OrdinalIgnoreCase))))
            throw ScimException.InvalidSyntax($"A {message} body's schemas must be an array containing '{urn}'.");
    }

    /// <summary>A member that must be a string when present; <paramref name="notAString"/> is the error otherwise.</summary>
    public static string? String(JsonObject obj, string name, Func<string, ScimException> notAString) => Member(obj, name) switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        _ => throw notAString($"'{name}' must be a string."),
    };

    public static JsonNode? Member(JsonObject obj, string name) =>
        obj.FirstOrDefault(p => p.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Value;
}
