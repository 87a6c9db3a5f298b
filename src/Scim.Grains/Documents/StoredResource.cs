using System.Text.Json;
using System.Text.Json.Nodes;
using Scim.Grains.Interfaces.Platform;
using Scim.Grains.Interfaces.Resources;

namespace Scim.Grains.Documents;

/// <summary>
/// A resource row: tenant, type, id, version (the ETag and the optimistic-concurrency check) and the canonical
/// document. The document is never mutated once stored: readers clone before changing it. A row read as stored JSON
/// (<see cref="FromJson"/>) parses its tree only when first asked for it, so that a row that is only rendered is written
/// out from its text.
/// </summary>
public sealed record StoredResource(string Tenant, ResourceKind Kind, string Id, long Version)
{
    private JsonObject? document;
    private byte[]? json;

    public StoredResource(string tenant, ResourceKind kind, string id, long version, JsonObject document) : this(tenant, kind, id, version) =>
        this.document = document;

    /// <summary>A row whose document is the UTF-8 JSON <paramref name="json"/>, attributes in the schema's order.</summary>
    public static StoredResource FromJson(string tenant, ResourceKind kind, string id, long version, byte[] json) =>
        new(tenant, kind, id, version) { json = json };

    public JsonObject Document
    {
        get => document ??= JsonNode.Parse(json!)!.AsObject();
        init => (document, json) = (value, null);
    }

    /// <summary>
    /// The document as UTF-8 JSON: the text it was made from, or its tree written out once and kept (a stored tree is never
    /// changed), so that the store and the grain that holds the row write a new version once between them.
    /// </summary>
    public byte[] Json => json ??= JsonSerializer.SerializeToUtf8Bytes(document, ScimJson.Options);

    /// <summary>
    /// The document's JSON text while its tree has not been asked for (so nothing can have changed it since); null
    /// once it has, or when the row was made from a tree.
    /// </summary>
    public byte[]? UnparsedJson => document is null ? json : null;

    /// <summary>The resource's place in its tenant's creation order, as the store read it (0 before it is stored).</summary>
    public long Sequence { get; init; }

    /// <summary>A user's platform role; not part of the SCIM document, and never changed by a SCIM write.</summary>
    public PlatformRole Role { get; init; }

    /// <summary>Whether the platform created the user (the operator or an admin), not the identity provider over SCIM.</summary>
    public bool CreatedByPlatform { get; init; }
}
