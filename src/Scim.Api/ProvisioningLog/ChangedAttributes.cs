using System.Text;
using System.Text.Json;

namespace Scim.Api.ProvisioningLog;

/// <summary>
/// The names of the attributes a SCIM write sets, read from its body: a POST/PUT's attributes (an extension's as
/// URN-qualified names), a PATCH's operation paths (without value filters) or, for path-less operations, the keys of
/// their values. Never values. A body that is not JSON yields no names: the request itself was refused.
/// </summary>
/// <remarks>
/// Every write's body passes through here once more after its request, so the names are read token by token, without
/// building the document again: that cost a few percent of the CPU of each create.
/// </remarks>
public static class ChangedAttributes
{
    private const int MaxNames = 50;
    private static readonly HashSet<string> NotAttributes = new(StringComparer.OrdinalIgnoreCase) { "schemas", "id", "meta" };

    public static IReadOnlyList<string> Of(string method, string? body)
    {
        var isPatch = method == HttpMethods.Patch;
        if (body is null || !(isPatch || method == HttpMethods.Post || method == HttpMethods.Put)) return [];
        var names = new List<string>();
        try
        {
            var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(body));
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return [];
            if (isPatch) FromOperations(ref reader, names);
            else FromResource(ref reader, names);
            // Whatever follows the body's object makes it no JSON at all.
            if (reader.Read()) return [];
        }
        catch (JsonException)
        {
            return [];
        }
        return names.Distinct(StringComparer.OrdinalIgnoreCase).Take(MaxNames).ToList();
    }

    /// <summary>Reads a PATCH body from its opening brace to its closing one; only its first <c>Operations</c> member counts.</summary>
    private static void FromOperations(ref Utf8JsonReader reader, List<string> names)
    {
        var seen = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isOperations = !seen && Is(reader.GetString()!, "Operations");
            reader.Read();
            seen |= isOperations;
            if (!isOperations || reader.TokenType != JsonTokenType.StartArray)
            {
                reader.Skip();
                continue;
            }
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                if (reader.TokenType == JsonTokenType.StartObject) FromOperation(ref reader, names);
                else reader.Skip();
            }
        }
    }

    /// <summary>
    /// One operation, from its opening brace to its closing one: its first <c>path</c> when that is text, otherwise the
    /// keys of its first <c>value</c>.
    /// </summary>
    private static void FromOperation(ref Utf8JsonReader reader, List<string> names)
    {
        var (pathSeen, valueSeen) = (false, false);
        string? path = null;
        List<string>? valueNames = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            var isPath = !pathSeen && Is(name, "path");
            var isValue = !valueSeen && Is(name, "value");
            reader.Read();
            if (isPath)
            {
                pathSeen = true;
                if (reader.TokenType == JsonTokenType.String) path = reader.GetString();
                else reader.Skip();
            }
            else if (isValue && reader.TokenType == JsonTokenType.StartObject)
            {
                valueSeen = true;
                FromResource(ref reader, valueNames = []);
            }
            else
            {
                valueSeen |= isValue;
                reader.Skip();
            }
        }
        if (path is not null) names.Add(WithoutFilter(path));
        else if (valueNames is not null) names.AddRange(valueNames);
    }

    /// <summary>A resource's members, from its opening brace to its closing one.</summary>
    private static void FromResource(ref Utf8JsonReader reader, List<string> names)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var key = reader.GetString()!;
            reader.Read();
            if (NotAttributes.Contains(key)) reader.Skip();
            else if (key.StartsWith("urn:", StringComparison.OrdinalIgnoreCase) && reader.TokenType == JsonTokenType.StartObject)
            {
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    names.Add($"{key}:{reader.GetString()}");
                    reader.Read();
                    reader.Skip();
                }
            }
            else
            {
                names.Add(key);
                reader.Skip();
            }
        }
    }

    private static bool Is(string name, string member) => name.Equals(member, StringComparison.OrdinalIgnoreCase);

    private static string WithoutFilter(string path)
    {
        var bracket = path.IndexOf('[', StringComparison.Ordinal);
        var close = path.LastIndexOf(']');
        return bracket < 0 ? path : path[..bracket] + (close >= 0 ? path[(close + 1)..] : "");
    }
}
