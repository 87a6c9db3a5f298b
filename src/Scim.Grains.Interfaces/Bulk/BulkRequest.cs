namespace Scim.Grains.Interfaces.Bulk;

/// <summary>A bulk request: its operations in the order sent, and failOnErrors (stop after that many errors; null: never).</summary>
[GenerateSerializer, Immutable, Alias("scim.BulkRequest")]
public sealed record BulkRequest(
    [property: Id(0)] IReadOnlyList<BulkOperation> Operations,
    [property: Id(1)] int? FailOnErrors);
