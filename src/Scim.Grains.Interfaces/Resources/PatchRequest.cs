namespace Scim.Grains.Interfaces.Resources;

/// <summary>An RFC 7644 §3.5.2 PATCH request: its operations, applied in order, all or none.</summary>
[GenerateSerializer, Immutable, Alias("scim.PatchRequest")]
public sealed record PatchRequest([property: Id(0)] IReadOnlyList<PatchOperation> Operations);
