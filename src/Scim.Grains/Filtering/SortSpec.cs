using Scim.Grains.Interfaces.Errors;
using Scim.Grains.Schemas;

namespace Scim.Grains.Filtering;

/// <summary>
/// A validated sortBy/sortOrder (RFC 7644 §3.4.2.3): the attribute, the simple value compared (<see cref="Key"/>: the
/// attribute itself, its sub-attribute, or the 'value' of a complex one; for a multi-valued attribute, that of the
/// primary value, else the first), and the direction. Resources without a value come last ascending, first descending;
/// ties are broken by id.
/// </summary>
public sealed record SortSpec(ResolvedAttribute Attribute, AttributeDefinition Key, bool Descending)
{
    public static SortSpec? Parse(string? sortBy, string? sortOrder, ResourceSchema schema)
    {
        if (string.IsNullOrWhiteSpace(sortBy)) return null;
        var path = AttrPath.TryParse(sortBy.Trim()) ?? throw ScimException.InvalidValue($"sortBy '{sortBy}' is not an attribute path.");
        var resolved = schema.Resolve(path) ?? throw ScimException.InvalidValue($"Unknown attribute '{sortBy}' for sortBy on {schema.Name}.");
        if (ResourceSchema.IsStoredApart(resolved.Attribute)) throw ScimException.InvalidValue($"Resources cannot be sorted by '{sortBy}'.");
        var key = resolved.SubAttribute ?? (resolved.Attribute.IsComplex ? resolved.Attribute.FindSubAttribute("value") : resolved.Attribute);
        if (key is null || key.IsComplex) throw ScimException.InvalidValue($"'{sortBy}' is complex: sort by one of its sub-attributes.");
        if (key.Returned == Returned.Never) throw ScimException.InvalidValue($"Resources cannot be sorted by '{sortBy}'.");
        var descending = sortOrder?.Trim().ToLowerInvariant() switch
        {
            null or "" or "ascending" => false,
            "descending" => true,
            _ => throw ScimException.InvalidValue($"sortOrder must be 'ascending' or 'descending', not '{sortOrder}'."),
        };
        return new SortSpec(resolved, key, descending);
    }

    /// <summary>True when the key is a sub-attribute of the attribute's (complex) values rather than the value itself.</summary>
    public bool KeyIsSubAttribute => !ReferenceEquals(Key, Attribute.Attribute);
}
