using System.Text.Json.Nodes;
using Scim.Grains.Resources;
using Scim.Grains.Schemas;
using Scim.Grains.Storage;

namespace Scim.Grains.Queries;

/// <summary>Orders stored resources in memory the way <see cref="SortSpec"/> says (and the PostgreSQL store does).</summary>
public static class SortKeys
{
    public static IEnumerable<StoredResource> Order(IEnumerable<StoredResource> resources, SortSpec sort)
    {
        var keyed = resources.Select(r => (Resource: r, Key: KeyOf(r.Document, sort)));
        var comparer = Comparer<object?>.Create((a, b) => CompareKeys(a, b, sort.Descending));
        return keyed.OrderBy(k => k.Key, comparer).ThenBy(k => k.Resource.Id, StringComparer.Ordinal).Select(k => k.Resource);
    }

    /// <summary>The comparable value of the sort key in a document, or null when it has none.</summary>
    public static object? KeyOf(JsonObject document, SortSpec sort)
    {
        var attribute = sort.Attribute.Attribute;
        JsonNode? value = ResourceDocument.Container(document, sort.Attribute)?[attribute.Name];
        if (attribute.MultiValued) value = value is JsonArray values ? PrimaryOrFirst(values) : null;
        if (sort.KeyIsSubAttribute) value = (value as JsonObject)?[sort.Key.Name];
        if (!ScimValues.TryRead(sort.Key.Type, value, out var key)) return null;
        return key is string text && !sort.Key.CaseExact ? text.ToLowerInvariant() : key;
    }

    private static JsonNode? PrimaryOrFirst(JsonArray values) =>
        values.FirstOrDefault(v => v is JsonObject o && o["primary"] is JsonValue p && p.TryGetValue<bool>(out var primary) && primary)
        ?? values.FirstOrDefault();

    /// <summary>Missing values sort after every value, so last ascending and first descending.</summary>
    private static int CompareKeys(object? a, object? b, bool descending)
    {
        var order = (a, b) switch
        {
            (null, null) => 0,
            (null, _) => 1,
            (_, null) => -1,
            (string x, string y) => string.CompareOrdinal(x, y),
            (IComparable x, _) => x.CompareTo(b),
            _ => 0,
        };
        return descending ? -order : order;
    }
}
