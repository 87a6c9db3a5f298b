using Scim.Grains.Filtering;
using Scim.Grains.Queries;
using Scim.Grains.Schemas;

namespace Scim.Grains.Storage;

/// <summary>
/// A validated list query for a store: the filter (null: all), the sort (null: creation order) and the page
/// (1-based start, count; a count of 0 asks for the total only). With <see cref="AfterSequence"/> (creation order only)
/// the page starts after that creation sequence instead of at an index: keyset paging for cursors, whose cost does not
/// grow with depth. The total always counts every match.
/// </summary>
public sealed record StoreQuery(FilterNode? Filter, SortSpec? Sort, int StartIndex, int Count, long? AfterSequence = null)
{
    /// <summary>The resource type the filter was validated against (with the tenant's custom fields); null: the built-in one.</summary>
    public ResourceSchema? Schema { get; init; }
}
