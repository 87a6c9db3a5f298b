using Scim.Grains.Interfaces.Resources;

namespace Scim.Grains.Interfaces.Bulk;

/// <summary>
/// One operation of a bulk request (RFC 7644 §3.7), typed by the API: the method and path as sent, the client's
/// bulkId, the If-Match version, and the body (a resource for POST/PUT, a parsed PatchOp for PATCH). Values and paths
/// may still hold <c>bulkId:...</c> references; the bulk grain resolves them.
/// </summary>
[GenerateSerializer, Immutable, Alias("scim.BulkOperation")]
public sealed record BulkOperation(
    [property: Id(0)] string Method,
    [property: Id(1)] string Path,
    [property: Id(2)] string? BulkId,
    [property: Id(3)] string? Version,
    [property: Id(4)] string? DataJson,
    [property: Id(5)] PatchRequest? Patch);
