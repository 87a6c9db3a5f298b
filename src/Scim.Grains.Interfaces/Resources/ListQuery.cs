namespace Scim.Grains.Interfaces.Resources;

/// <summary>
/// The query parameters of a list request (RFC 7644 §3.4.2), as sent by the client. <see cref="Cursor"/> asks for cursor
/// pagination (RFC 9865): empty for the first page, else a previous page's nextCursor; null for index pagination.
/// </summary>
[GenerateSerializer, Immutable, Alias("scim.ListQuery")]
public sealed record ListQuery(
    [property: Id(0)] string? Filter,
    [property: Id(1)] int StartIndex,
    [property: Id(2)] int? Count,
    [property: Id(3)] string? SortBy = null,
    [property: Id(4)] string? SortOrder = null,
    [property: Id(5)] string? Cursor = null);
