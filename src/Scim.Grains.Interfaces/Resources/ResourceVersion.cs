namespace Scim.Grains.Interfaces.Resources;

/// <summary>The version a write left, for an answer without a body: its number and its entity tag (the ETag header).</summary>
[GenerateSerializer, Immutable, Alias("scim.ResourceVersion")]
public sealed record ResourceVersion(
    [property: Id(0)] long Version,
    [property: Id(1)] string ETag);
