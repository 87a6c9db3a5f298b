namespace Scim.Grains.Interfaces.Resources;

/// <summary>
/// One page of a list request: the total match count, the 1-based start index and the rendered resources; under cursor
/// pagination (RFC 9865) <see cref="CursorPaged"/> is set and <see cref="NextCursor"/> leads to the next page, if any.
/// </summary>
[GenerateSerializer, Immutable, Alias("scim.ListResult")]
public sealed record ListResult(
    [property: Id(0)] int TotalResults,
    [property: Id(1)] int StartIndex,
    [property: Id(2)] IReadOnlyList<RenderedResource> Resources,
    [property: Id(3)] bool CursorPaged = false,
    [property: Id(4)] string? NextCursor = null);
