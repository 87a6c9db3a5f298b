namespace Scim.Grains.Interfaces.Resources;

/// <summary>One page of a list request: the total match count, the 1-based start index and the rendered resources.</summary>
[GenerateSerializer, Immutable, Alias("scim.ListResult")]
public sealed record ListResult(
    [property: Id(0)] int TotalResults,
    [property: Id(1)] int StartIndex,
    [property: Id(2)] IReadOnlyList<string> Resources);
