using System.Text.Json.Nodes;
using Scim.Grains.Interfaces.Resources;
using Scim.Grains.Schemas;

namespace Scim.Grains.Resources;

/// <summary>
/// The canonical stored form of a resource: schemas, id, externalId, core attributes in schema order, extension
/// objects under their URN, then meta (without location, which depends on the request's base URL).
/// </summary>
public static class ResourceDocument
{
    private static readonly HashSet<string> Envelope = new(StringComparer.Ordinal) { "schemas", "id", "meta" };

    /// <summary>The object that holds the attribute: the document, or its extension object (null when absent).</summary>
    public static JsonObject? Container(JsonObject document, ResolvedAttribute resolved) =>
        resolved.InExtension ? document[resolved.Schema!.Id] as JsonObject : document;

    /// <summary>Builds a canonical document from normalized attributes and the server-assigned id and meta.</summary>
    public static JsonObject Compose(ResourceSchema schema, string id, JsonObject attributes, ResourceMeta meta)
    {
        var schemas = new JsonArray(schema.Core.Id);
        var document = new JsonObject { ["schemas"] = schemas, ["id"] = id };
        if (attributes[CommonAttributes.ExternalId.Name] is { } externalId) document[CommonAttributes.ExternalId.Name] = externalId.DeepClone();
        CopyInOrder(schema.Core, attributes, document);
        foreach (var extension in schema.Extensions)
        {
            if (attributes[extension.Id] is not JsonObject values) continue;
            var target = new JsonObject();
            CopyInOrder(extension, values, target);
            if (target.Count == 0) continue;
            schemas.Add(extension.Id);
            document[extension.Id] = target;
        }
        document["meta"] = new JsonObject
        {
            ["resourceType"] = schema.Name,
            ["created"] = ScimValues.FormatDateTime(meta.Created),
            ["lastModified"] = ScimValues.FormatDateTime(meta.LastModified),
            ["version"] = EntityTags.Of(meta.Version),
        };
        return document;
    }

    /// <summary>The client-owned part of a document (everything but schemas, id and meta), as a fresh copy.</summary>
    public static JsonObject Attributes(JsonObject document)
    {
        var attributes = new JsonObject();
        foreach (var (key, value) in document)
        {
            if (!Envelope.Contains(key)) attributes[key] = value?.DeepClone();
        }
        return attributes;
    }

    public static string? GetString(JsonObject document, string name) =>
        document[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static void CopyInOrder(SchemaDefinition schema, JsonObject source, JsonObject target)
    {
        foreach (var attribute in schema.Attributes)
        {
            if (source[attribute.Name] is { } value) target[attribute.Name] = value.DeepClone();
        }
    }
}
