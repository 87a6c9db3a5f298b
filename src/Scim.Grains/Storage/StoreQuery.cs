using Scim.Grains.Filtering;
using Scim.Grains.Interfaces.Resources;
using Scim.Grains.Schemas;

namespace Scim.Grains.Storage;

/// <summary>
/// A validated list query for a store: the resource type it was validated against (with the tenant's custom fields),
/// the filter (null: all), the sort (null: creation order) and the page
/// (1-based start, count; a count of 0 asks for the total only). With <see cref="AfterSequence"/> (creation order only)
/// the page starts after that creation sequence instead of at an index: keyset paging for cursors, whose cost does not
/// grow with depth. The total always counts every match. <see cref="WithGroups"/> asks for the page's users' groups with
/// the page, so that a store can tell from the page's own read which users have any.
/// </summary>
public sealed record StoreQuery(ResourceSchema Schema, FilterNode? Filter, SortSpec? Sort, int StartIndex, int Count, long? AfterSequence = null,
    bool WithGroups = false)
{
    public ResourceKind Kind => Schema.Kind;
}
