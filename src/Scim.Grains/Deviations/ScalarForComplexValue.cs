using System.Text.Json.Nodes;
using Scim.Grains.Schemas;

namespace Scim.Grains.Deviations;

/// <summary>
/// Entra ID sends the enterprise <c>manager</c> as a plain id string (E8) and role values as JSON-encoded strings
/// (E10), where RFC 7643 expects a complex value. When the attribute has a <c>value</c> sub-attribute, the scalar is
/// read as that sub-attribute (a JSON-encoded string stays the string it is); otherwise it is a 400 invalidValue.
/// </summary>
/// <remarks>Tests: <c>IdpQuirksTests.E8_ManagerAsPlainString_BecomesManagerValue</c>, <c>IdpQuirksTests.E10_RolesAsJsonEncodedStrings_AreKept</c>.</remarks>
public static class ScalarForComplexValue
{
    public static JsonObject? Wrap(AttributeDefinition attribute, JsonValue scalar) =>
        attribute.FindSubAttribute("value") is null ? null : new JsonObject { ["value"] = scalar.DeepClone() };
}
