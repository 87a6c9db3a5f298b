using System.Text.Json.Nodes;
using Scim.Grains.Interfaces.Platform;
using Scim.Grains.Interfaces.Resources;

namespace Scim.Grains.Documents;

/// <summary>
/// A resource row: tenant, type, id, version (the ETag and the optimistic-concurrency check) and the canonical
/// document. The document is never mutated once stored: readers clone before changing it.
/// </summary>
public sealed record StoredResource(string Tenant, ResourceKind Kind, string Id, long Version, JsonObject Document)
{
    /// <summary>The resource's place in its tenant's creation order, as the store read it (0 before it is stored).</summary>
    public long Sequence { get; init; }

    /// <summary>A user's platform role; not part of the SCIM document, and never changed by a SCIM write.</summary>
    public PlatformRole Role { get; init; }

    /// <summary>Whether the platform created the user (the operator or an admin), not the identity provider over SCIM.</summary>
    public bool CreatedByPlatform { get; init; }
}
