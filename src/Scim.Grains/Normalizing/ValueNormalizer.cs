using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.Json;
using Scim.Grains.Deviations;
using Scim.Grains.Documents;
using Scim.Grains.Interfaces.Errors;
using Scim.Grains.Schemas;

namespace Scim.Grains.Normalizing;

/// <summary>
/// Turns a client-supplied value into the canonical stored form of an attribute, or rejects it with 400 invalidValue.
/// JSON null is "no value" (RFC 7643 §2.5), a single value stands for an array of one, sub-attribute names are read in
/// any case and unknown sub-attributes are dropped. Entra's strings for booleans and numbers (<see cref="StringScalars"/>)
/// and scalars for complex values (<see cref="ScalarForComplexValue"/>) are read by their named rules.
/// </summary>
public static class ValueNormalizer
{
    /// <summary>Normalizes a whole attribute value; null means the attribute has no value.</summary>
    public static JsonNode? Normalize(AttributeDefinition attribute, JsonNode? value, string path)
    {
        if (value is null) return null;
        if (!attribute.MultiValued)
        {
            if (value is JsonArray) throw ScimException.InvalidValue($"'{path}' is single-valued but an array was given.");
            return NormalizeSingle(attribute, value, path);
        }
        var items = value is JsonArray array ? array.ToList() : [value];
        if (items.Count > ScimLimits.MaxValues) throw ResourceLimits.TooManyValues(path);
        var result = new JsonArray();
        foreach (var item in items)
        {
            if (NormalizeSingle(attribute, item, path) is { } normalized) result.Add(normalized);
        }
        if (result.Count(ResourceDocument.IsPrimary) > 1) throw ScimException.InvalidValue($"At most one value of '{path}' may be primary.");
        return result.Count == 0 ? null : result;
    }

    /// <summary>Normalizes one value of an attribute (one element of a multi-valued one).</summary>
    public static JsonNode? NormalizeSingle(AttributeDefinition attribute, JsonNode? value, string path)
    {
        if (value is null) return null;
        if (!attribute.IsComplex) return NormalizeSimple(attribute.Type, value, path);
        return value switch
        {
            JsonObject obj => NormalizeComplex(attribute, obj, path),
            JsonValue scalar when ScalarForComplexValue.Wrap(attribute, scalar) is { } wrapped => NormalizeComplex(attribute, wrapped, path),
            _ => throw ScimException.InvalidValue($"'{path}' must be a complex value (a JSON object)."),
        };
    }

    private static JsonObject? NormalizeComplex(AttributeDefinition attribute, JsonObject value, string path)
    {
        var result = new JsonObject();
        foreach (var (key, subValue) in value)
        {
            var sub = attribute.FindSubAttribute(key);
            if (sub is null || sub.Mutability == Mutability.ReadOnly) continue;
            if (Normalize(sub, subValue, $"{path}.{sub.Name}") is { } normalized) result[sub.Name] = normalized;
        }
        return result.Count == 0 ? null : result;
    }

    private static JsonValue NormalizeSimple(AttributeType type, JsonNode value, string path)
    {
        if (value is not JsonValue scalar) throw ScimException.InvalidValue($"'{path}' must be a single {Describe(type)}, not an object or array.");
        var kind = scalar.GetValueKind();
        var text = kind == JsonValueKind.String ? scalar.GetValue<string>() : scalar.ToJsonString();
        switch (type)
        {
            case AttributeType.String or AttributeType.Reference or AttributeType.Binary when kind == JsonValueKind.String:
                return JsonValue.Create(text);
            case AttributeType.Boolean when kind is JsonValueKind.True or JsonValueKind.False:
                return JsonValue.Create(kind == JsonValueKind.True);
            case AttributeType.Integer when kind == JsonValueKind.Number
                                           && long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var integer):
                return JsonValue.Create(integer);
            case AttributeType.Decimal when kind == JsonValueKind.Number
                                           && decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number):
                return JsonValue.Create(number);
            case AttributeType.Boolean or AttributeType.Integer or AttributeType.Decimal when kind == JsonValueKind.String
                                                                                           && StringScalars.Read(type, text) is { } read:
                return read;
            case AttributeType.DateTime when kind == JsonValueKind.String
                                            && ScimValues.TryParseLiteral(AttributeType.DateTime, text, out var instant):
                return JsonValue.Create(ScimValues.FormatDateTime((DateTimeOffset)instant));
            default:
                throw ScimException.InvalidValue($"'{path}' must be a {Describe(type)}; got {scalar.ToJsonString()}.");
        }
    }

    private static string Describe(AttributeType type) => type switch
    {
        AttributeType.DateTime => "dateTime (RFC 3339)",
        _ => type.ToString().ToLowerInvariant(),
    };
}
