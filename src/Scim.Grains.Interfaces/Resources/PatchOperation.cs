namespace Scim.Grains.Interfaces.Resources;

/// <summary>One operation of an RFC 7644 §3.5.2 PATCH request: op as sent, optional path, value as JSON text.</summary>
[GenerateSerializer, Immutable, Alias("scim.PatchOperation")]
public sealed record PatchOperation(
    [property: Id(0)] string Op,
    [property: Id(1)] string? Path,
    [property: Id(2)] string? ValueJson);
