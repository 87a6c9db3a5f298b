using System.Text.Json;
using System.Text.Json.Nodes;
using Scim.Grains.Schemas;

namespace Scim.Grains.Documents;

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
        CopyAttributes(schema, attributes, document, extension => schemas.Add(extension));
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

    /// <summary>
    /// The client-owned part of a document the caller owns and gives up: the envelope is taken off and the rest is
    /// returned without a copy (a PATCH's working document, which nothing else holds).
    /// </summary>
    public static JsonObject TakeAttributes(JsonObject document)
    {
        foreach (var key in Envelope) document.Remove(key);
        return document;
    }

    /// <summary>Whether a document's client-owned part equals <paramref name="attributes"/>, compared in place (no copy).</summary>
    public static bool HasAttributes(JsonObject document, JsonObject attributes)
    {
        var count = 0;
        foreach (var (key, value) in document)
        {
            if (Envelope.Contains(key)) continue;
            count++;
            if (!attributes.TryGetPropertyValue(key, out var other) || !JsonNode.DeepEquals(value, other)) return false;
        }
        return count == attributes.Count;
    }

    /// <summary>Whether a value of a multi-valued attribute is its primary one.</summary>
    public static bool IsPrimary(JsonNode? element) => element is JsonObject obj && IsTrue(obj["primary"]);

    public static bool IsTrue(JsonNode? value) => value is JsonValue v && v.GetValueKind() == JsonValueKind.True;

    /// <summary>The address mail goes to: a user's primary e-mail, else its first one; null when it has none.</summary>
    public static string? PrimaryEmail(JsonObject document)
    {
        var emails = (document["emails"] as JsonArray)?.OfType<JsonObject>().ToList() ?? [];
        return GetString(emails.FirstOrDefault(IsPrimary) ?? emails.FirstOrDefault() ?? [], "value");
    }

    /// <summary>Whether a user is deactivated: its <c>active</c> is false (an absent value leaves it active).</summary>
    public static bool IsDeactivated(JsonObject document) => document["active"] is JsonValue active && active.TryGetValue<bool>(out var flag) && !flag;

    public static string? GetString(JsonObject document, string name) =>
        document[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    /// <summary>
    /// A document with its keys put in canonical order (for a store that does not keep key order, as jsonb does not):
    /// envelope, core attributes and sub-attributes in schema order, extensions, then meta. The caller gives the document
    /// up: its values move into the result rather than being copied, since every row read would otherwise be built twice.
    /// </summary>
    public static JsonObject TakeInCanonicalOrder(JsonObject document, ResourceSchema schema)
    {
        var ordered = new JsonObject();
        Move(document, "schemas", ordered);
        Move(document, "id", ordered);
        Move(document, CommonAttributes.ExternalId.Name, ordered);
        MoveInOrder(schema.Core.Attributes, document, ordered);
        foreach (var extension in schema.Extensions)
        {
            if (document[extension.Id] is not JsonObject values) continue;
            document.Remove(extension.Id);
            ordered[extension.Id] = Reordered(values, extension.Attributes);
        }
        var meta = Take(document, "meta");
        // Whatever the schema does not list (a tenant's custom extensions) keeps its stored form, before meta.
        MoveRest(document, ordered);
        if (meta is not null) ordered["meta"] = Ordered(meta, CommonAttributes.Meta);
        return ordered;
    }

    /// <summary>
    /// Copies externalId, the core attributes and the non-empty extension objects in schema order. Compose's caller keeps
    /// its attributes, so they are copied value by value here: cloning them whole and then moving them (as
    /// <see cref="TakeInCanonicalOrder"/> moves a document it is given) measured 3.8 µs a user against 3.0.
    /// </summary>
    private static void CopyAttributes(ResourceSchema schema, JsonObject source, JsonObject target, Action<string> extensionCopied)
    {
        if (source[CommonAttributes.ExternalId.Name] is { } externalId) target[CommonAttributes.ExternalId.Name] = externalId.DeepClone();
        CopyInOrder(schema.Core, source, target);
        foreach (var extension in schema.Extensions)
        {
            if (source[extension.Id] is not JsonObject values) continue;
            var copy = new JsonObject();
            CopyInOrder(extension, values, copy);
            if (copy.Count == 0) continue;
            extensionCopied(extension.Id);
            target[extension.Id] = copy;
        }
    }

    private static void CopyInOrder(SchemaDefinition schema, JsonObject source, JsonObject target)
    {
        foreach (var attribute in schema.Attributes)
        {
            if (source[attribute.Name] is { } value) target[attribute.Name] = InOrder(value, attribute);
        }
    }

    /// <summary>A copy of a value with the sub-attributes of complex values in schema order.</summary>
    private static JsonNode InOrder(JsonNode value, AttributeDefinition attribute)
    {
        if (!attribute.IsComplex) return value.DeepClone();
        if (value is JsonArray array) return new JsonArray(array.Select(element => element is null ? null : InOrder(element, attribute)).ToArray());
        if (value is not JsonObject complex) return value.DeepClone();
        var ordered = new JsonObject();
        foreach (var sub in attribute.SubAttributeList)
        {
            if (complex[sub.Name] is { } subValue) ordered[sub.Name] = subValue.DeepClone();
        }
        foreach (var (key, rest) in complex)
        {
            if (!ordered.ContainsKey(key)) ordered[key] = rest?.DeepClone();
        }
        return ordered;
    }

    private static void MoveInOrder(IReadOnlyList<AttributeDefinition> attributes, JsonObject source, JsonObject target)
    {
        foreach (var attribute in attributes)
        {
            if (Take(source, attribute.Name) is { } value) target[attribute.Name] = Ordered(value, attribute);
        }
    }

    /// <summary>A value of an attribute whose complex values are rebuilt with their sub-attributes in schema order.</summary>
    private static JsonNode Ordered(JsonNode value, AttributeDefinition attribute)
    {
        if (!attribute.IsComplex) return value;
        if (value is JsonObject complex) return Reordered(complex, attribute.SubAttributeList);
        if (value is JsonArray array)
        {
            for (var i = 0; i < array.Count; i++)
            {
                if (array[i] is JsonObject element) array[i] = Reordered(element, attribute.SubAttributeList);
            }
        }
        return value;
    }

    /// <summary>An object's values moved into a new one: the listed attributes first, in order, then the others as they were.</summary>
    private static JsonObject Reordered(JsonObject source, IReadOnlyList<AttributeDefinition> attributes)
    {
        var ordered = new JsonObject();
        MoveInOrder(attributes, source, ordered);
        MoveRest(source, ordered);
        return ordered;
    }

    private static void Move(JsonObject source, string name, JsonObject target)
    {
        if (Take(source, name) is { } value) target[name] = value;
    }

    /// <summary>Detaches a value from its object (a node has one parent); null, leaving the object as it is, when absent or null.</summary>
    private static JsonNode? Take(JsonObject source, string name)
    {
        if (!source.TryGetPropertyValue(name, out var value) || value is null) return null;
        source.Remove(name);
        return value;
    }

    private static void MoveRest(JsonObject source, JsonObject target)
    {
        while (source.Count > 0)
        {
            var (name, value) = source.GetAt(0);
            source.RemoveAt(0);
            target[name] = value;
        }
    }
}
