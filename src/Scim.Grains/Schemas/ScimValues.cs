using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Scim.Grains.Schemas;

/// <summary>
/// Typed reading of SCIM values, always with the invariant culture: from literal text (filters, string-typed
/// booleans of E2) and from stored JSON. Strings are returned as-is; case rules are the comparer's business.
/// </summary>
public static class ScimValues
{
    private const DateTimeStyles DateStyles = DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces;

    public static bool TryParseLiteral(AttributeType type, string text, out object value)
    {
        value = text;
        switch (type)
        {
            case AttributeType.Boolean when bool.TryParse(text.Trim(), out var b): value = b; return true;
            case AttributeType.Integer when long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l): value = (decimal)l; return true;
            case AttributeType.Decimal when decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d): value = d; return true;
            case AttributeType.DateTime when DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateStyles, out var t): value = t; return true;
            case AttributeType.Boolean or AttributeType.Integer or AttributeType.Decimal or AttributeType.DateTime: return false;
            default: return true;
        }
    }

    /// <summary>Reads a stored value of a simple attribute; false for a value of another shape.</summary>
    public static bool TryRead(AttributeType type, JsonNode? node, out object value)
    {
        value = "";
        if (node is not JsonValue json) return false;
        switch (json.GetValueKind())
        {
            case JsonValueKind.String: return TryParseLiteral(type, json.GetValue<string>(), out value);
            case JsonValueKind.True or JsonValueKind.False when type == AttributeType.Boolean: value = json.GetValue<bool>(); return true;
            // Parsed from text, not GetValue<decimal>: a value built in memory may hold a long or a double.
            case JsonValueKind.Number when type is AttributeType.Integer or AttributeType.Decimal:
                value = decimal.Parse(json.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);
                return true;
            default: return false;
        }
    }

    /// <summary>Formats a dateTime the one way this service stores and returns them (RFC 3339, UTC).</summary>
    public static string FormatDateTime(DateTimeOffset value) =>
        value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
}
