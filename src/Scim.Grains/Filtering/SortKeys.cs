using System.Text.Json.Nodes;
using Scim.Grains.Documents;
using Scim.Grains.Schemas;

namespace Scim.Grains.Filtering;

/// <summary>Orders stored resources in memory the way <see cref="SortSpec"/> says (and the PostgreSQL store does).</summary>
public static class SortKeys
{
    public static IEnumerable<StoredResource> Order(IEnumerable<StoredResource> resources, SortSpec sort) =>
        Merge(resources, r => KeyOf(r.Document, sort), r => r.Id, sort.Descending);

    /// <summary>Orders items by a key already taken (null: no value), then by id; used to merge resource types at the root.</summary>
    public static IEnumerable<T> Merge<T>(IEnumerable<T> items, Func<T, object?> key, Func<T, string> id, bool descending)
    {
        var comparer = Comparer<object?>.Create((a, b) => CompareKeys(a, b, descending));
        return items.OrderBy(key, comparer).ThenBy(id, StringComparer.Ordinal);
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
