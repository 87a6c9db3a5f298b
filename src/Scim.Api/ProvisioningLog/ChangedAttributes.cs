using System.Text.Json;
using System.Text.Json.Nodes;

namespace Scim.Api.ProvisioningLog;

/// <summary>
/// The names of the attributes a SCIM write sets, read from its body: a POST/PUT's attributes (an extension's as
/// URN-qualified names), a PATCH's operation paths (without value filters) or, for path-less operations, the keys of
/// their values. Never values. A body that is not JSON yields no names: the request itself was refused.
/// </summary>
public static class ChangedAttributes
{
    private const int MaxNames = 50;
    private static readonly HashSet<string> NotAttributes = new(StringComparer.OrdinalIgnoreCase) { "schemas", "id", "meta" };

    public static IReadOnlyList<string> Of(string method, string? body)
    {
        if (body is null) return [];
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            return [];
        }
        if (root is not JsonObject resource) return [];
        var names = new List<string>();
        if (method == HttpMethods.Patch) FromOperations(resource, names);
        else if (method == HttpMethods.Post || method == HttpMethods.Put) FromResource(resource, names);
        return names.Distinct(StringComparer.OrdinalIgnoreCase).Take(MaxNames).ToList();
    }

    private static void FromOperations(JsonObject patch, List<string> names)
    {
        var operations = patch.FirstOrDefault(p => p.Key.Equals("Operations", StringComparison.OrdinalIgnoreCase)).Value as JsonArray;
        foreach (var operation in operations?.OfType<JsonObject>() ?? [])
        {
            var path = operation.FirstOrDefault(p => p.Key.Equals("path", StringComparison.OrdinalIgnoreCase)).Value;
            if (path is JsonValue text && text.TryGetValue<string>(out var value)) names.Add(WithoutFilter(value));
            else if (operation.FirstOrDefault(p => p.Key.Equals("value", StringComparison.OrdinalIgnoreCase)).Value is JsonObject values)
                FromResource(values, names);
        }
    }

    private static void FromResource(JsonObject resource, List<string> names)
    {
        foreach (var (key, value) in resource)
        {
            if (NotAttributes.Contains(key)) continue;
            if (key.StartsWith("urn:", StringComparison.OrdinalIgnoreCase) && value is JsonObject extension)
                names.AddRange(extension.Select(inner => $"{key}:{inner.Key}"));
            else names.Add(key);
        }
    }

    private static string WithoutFilter(string path)
    {
        var bracket = path.IndexOf('[', StringComparison.Ordinal);
        var close = path.LastIndexOf(']');
        return bracket < 0 ? path : path[..bracket] + (close >= 0 ? path[(close + 1)..] : "");
    }
}
