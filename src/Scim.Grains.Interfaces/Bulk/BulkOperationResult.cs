namespace Scim.Grains.Interfaces.Bulk;

/// <summary>
/// The outcome of one bulk operation: the HTTP status it would have had alone, the resource's location and version
/// when it succeeded, and the SCIM error (scimType, detail) when it did not.
/// </summary>
[GenerateSerializer, Immutable, Alias("scim.BulkOperationResult")]
public sealed record BulkOperationResult(
    [property: Id(0)] string Method,
    [property: Id(1)] string? BulkId,
    [property: Id(2)] int Status,
    [property: Id(3)] string? Location = null,
    [property: Id(4)] string? Version = null,
    [property: Id(5)] string? ScimType = null,
    [property: Id(6)] string? Detail = null);
