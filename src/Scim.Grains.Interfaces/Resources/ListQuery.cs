namespace Scim.Grains.Interfaces.Resources;

/// <summary>The query parameters of a list request (RFC 7644 §3.4.2), as sent by the client.</summary>
[GenerateSerializer, Immutable, Alias("scim.ListQuery")]
public sealed record ListQuery(
    [property: Id(0)] string? Filter,
    [property: Id(1)] int StartIndex,
    [property: Id(2)] int? Count,
    [property: Id(3)] string? SortBy = null,
    [property: Id(4)] string? SortOrder = null);
