using System.Text.Json.Nodes;
using Scim.Grains.Documents;
using Scim.Grains.Interfaces.Platform;
using Scim.Grains.Interfaces.Resources;
using Scim.Grains.Rules;
using Scim.Grains.Schemas;

namespace Scim.Grains.Storage;

/// <summary>
/// A resource row as the in-memory store keeps it: the document as UTF-8 JSON (a few hundred bytes, where a
/// <see cref="JsonObject"/> tree of the same user takes several kilobytes), with the names the store's indexes and
/// member listings read kept beside it, so that only reads that return or filter documents parse one.
/// </summary>
internal sealed record PackedResource(string Id, long Version, long Sequence, PlatformRole Role, bool CreatedByPlatform, byte[] Document, string? Name,
    string? ExternalId)
{
    /// <summary>A row packed; one still unparsed (as the store read it) has its names read from its text, not a tree.</summary>
    public static PackedResource Of(StoredResource resource)
    {
        var nameAttribute = UniqueNames.Attribute(resource.Kind);
        var (name, externalId) = resource.UnparsedJson is { } text
            ? ResourceDocument.GetStrings(text, nameAttribute, CommonAttributes.ExternalId.Name)
            : (ResourceDocument.GetString(resource.Document, nameAttribute), ResourceDocument.GetString(resource.Document, CommonAttributes.ExternalId.Name));
        return new(resource.Id, resource.Version, resource.Sequence, resource.Role, resource.CreatedByPlatform, resource.Json, name, externalId);
    }

    /// <summary>The unique key the name gives (<see cref="UniqueNames"/>).</summary>
    public string? UniqueKey => Name is null ? null : UniqueNames.Key(Name);

    /// <summary>
    /// The row with a document of its own, parsed when first asked for: callers may keep it, the store's copy stays as it
    /// is (the bytes are never written to).
    /// </summary>
    public StoredResource Unpack(string tenant, ResourceKind kind) =>
        StoredResource.FromJson(tenant, kind, Id, Version, Document) with { Sequence = Sequence, Role = Role, CreatedByPlatform = CreatedByPlatform };

    /// <summary>A document of the caller's own, parsed from the stored JSON.</summary>
    public JsonObject ParseDocument() => JsonNode.Parse(Document)!.AsObject();
}
