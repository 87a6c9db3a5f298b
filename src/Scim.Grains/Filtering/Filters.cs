using Scim.Grains.Schemas;

namespace Scim.Grains.Filtering;

/// <summary>Filters the grains build themselves (lookups by a known value), without text to parse or escape.</summary>
public static class Filters
{
    /// <summary><c>attribute eq value</c>; <paramref name="subAttribute"/> for a path such as emails.value.</summary>
    public static FilterNode Eq(string attribute, LiteralKind kind, string value, string? subAttribute = null) =>
        new Compare(new AttrPath(null, attribute, subAttribute), CompareOp.Eq, new ScimLiteral(kind, value));
}
