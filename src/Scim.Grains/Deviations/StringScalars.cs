using System.Text.Json.Nodes;
using Scim.Grains.Schemas;

namespace Scim.Grains.Deviations;

/// <summary>
/// Entra ID sends booleans as strings ("True", "False") in POST bodies and PATCH values (E2), and the values of custom
/// numeric fields as strings. Where the attribute is boolean, integer or decimal, such a string is read as the value it
/// spells; anything else is still a 400 invalidValue.
/// </summary>
/// <remarks>Tests: <c>IdpQuirksTests.E2_BooleansAsStrings_InPatchPostAndFilters</c>, <c>CustomFieldsTests</c> (integers as strings).</remarks>
public static class StringScalars
{
    /// <summary>The value a string spells for an attribute of the given type, or null when it spells none.</summary>
    public static JsonValue? Read(AttributeType type, string text) =>
        type is AttributeType.Boolean or AttributeType.Integer or AttributeType.Decimal && ScimValues.TryParseLiteral(type, text, out var value)
            ? value switch
            {
                bool flag => JsonValue.Create(flag),
                decimal number when type == AttributeType.Integer => JsonValue.Create((long)number),
                decimal number => JsonValue.Create(number),
                _ => null,
            }
            : null;
}
