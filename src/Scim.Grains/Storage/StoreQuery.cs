using Scim.Grains.Filtering;
using Scim.Grains.Queries;

namespace Scim.Grains.Storage;

/// <summary>
/// A validated list query for a store: the filter (null: all), the sort (null: creation order) and the page
/// (1-based start, count of at least 1; a count of 0 asks for the total only).
/// </summary>
public sealed record StoreQuery(FilterNode? Filter, SortSpec? Sort, int StartIndex, int Count);
