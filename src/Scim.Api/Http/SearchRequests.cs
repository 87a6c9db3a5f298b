using System.Text.Json;
using System.Text.Json.Nodes;
using Scim.Grains.Interfaces.Errors;
using Scim.Grains.Interfaces.Resources;

namespace Scim.Api.Http;

/// <summary>
/// Reads an RFC 7644 §3.4.3 SearchRequest body (POST .search) into the same query and projection a GET list takes:
/// attributes, excludedAttributes, filter, sortBy, sortOrder, startIndex, count, cursor (RFC 9865). Member names match case-insensitively;
/// a body that names another message schema is a 400 invalidSyntax.
/// </summary>
public static class SearchRequests
{
    public const string Schema = "urn:ietf:params:scim:api:messages:2.0:SearchRequest";

    public static (ListQuery Query, string? Attributes, string? ExcludedAttributes) Parse(string json)
    {
        var body = JsonObjects.Parse(json, "SearchRequest");
        JsonObjects.RequireSchema(body, Schema, "search");
        var query = new ListQuery(
            Text(body, "filter"),
            Integer(body, "startIndex") ?? 1,
            Integer(body, "count"),
            Text(body, "sortBy"),
            Text(body, "sortOrder"),
            JsonObjects.Member(body, "cursor") is null ? null : Text(body, "cursor") ?? "");
        return (query, Names(body, "attributes"), Names(body, "excludedAttributes"));
    }

    private static string? Text(JsonObject body, string name) => JsonObjects.String(body, name, ScimException.InvalidValue);

    private static int? Integer(JsonObject body, string name) => JsonObjects.Member(body, name) switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<int>(out var number) => number,
        _ => throw ScimException.InvalidValue($"'{name}' must be an integer."),
    };

    /// <summary>attributes / excludedAttributes: an array of names (RFC), or one comma-separated string as in a URL.</summary>
    private static string? Names(JsonObject body, string name) => JsonObjects.Member(body, name) switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        JsonArray names when names.All(n => n is JsonValue v && v.GetValueKind() == JsonValueKind.String) =>
            names.Count == 0 ? null : string.Join(',', names.Select(n => n!.GetValue<string>())),
        _ => throw ScimException.InvalidValue($"'{name}' must be an array of attribute names."),
    };
}
