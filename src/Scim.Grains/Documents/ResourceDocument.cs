using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
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
    /// Two top-level string members of a document's JSON text (null where absent or not a string), read from the text
    /// without parsing it into a tree: a row read from the store and held by its grain keeps only its text.
    /// </summary>
    public static (string? First, string? Second) GetStrings(byte[] json, string first, string second)
    {
        var reader = new Utf8JsonReader(json);
        reader.Read();
        var (firstValue, secondValue) = ((string?)null, (string?)null);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isFirst = reader.ValueTextEquals(first);
            var isSecond = !isFirst && reader.ValueTextEquals(second);
            reader.Read();
            if (reader.TokenType != JsonTokenType.String) reader.Skip();
            else if (isFirst) firstValue = reader.GetString();
            else if (isSecond) secondValue = reader.GetString();
        }
        return (firstValue, secondValue);
    }

    /// <summary>
    /// A stored document's JSON with its keys put in canonical order (for a store that does not keep key order, as jsonb does
    /// not): envelope, core attributes and sub-attributes in schema order, extensions, whatever the schema does not list (a
    /// tenant's custom extensions, null values) as it was, then meta. Written from the parsed text without building a tree,
    /// so that a row read only to be rendered (a lookup's page, a grain's activation) never builds one.
    /// </summary>
    public static byte[] InCanonicalOrder(ReadOnlyMemory<byte> json, ResourceSchema schema)
    {
        using var parsed = JsonDocument.Parse(json);
        var (buffer, writer) = JsonBuffer.Take();
        WriteInOrder(writer, parsed.RootElement, Slots.GetValue(schema, static key => RootSlots((ResourceSchema)key)));
        writer.Flush();
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Where a member goes in its object's canonical order, and how its value is ordered in turn.</summary>
    private sealed record Slot(string Name, int Rank, AttributeDefinition? Attribute, IReadOnlyList<AttributeDefinition>? Extension = null);

    /// <summary>Members the order does not place (and null values) keep their places after the placed ones; meta goes last.</summary>
    private const int RestRank = 1_000_000, MetaRank = int.MaxValue;

    // The slots of a schema's documents and of each attribute list's objects, made once per schema or list.
    private static readonly ConditionalWeakTable<object, Dictionary<string, Slot>> Slots = new();

    private static Dictionary<string, Slot> RootSlots(ResourceSchema schema)
    {
        var slots = new Dictionary<string, Slot>(StringComparer.Ordinal);
        void Place(string name, AttributeDefinition? attribute, IReadOnlyList<AttributeDefinition>? extension = null) =>
            slots.TryAdd(name, new Slot(name, slots.Count, attribute, extension));
        Place("schemas", null);
        Place("id", null);
        Place(CommonAttributes.ExternalId.Name, null);
        foreach (var attribute in schema.Core.Attributes) Place(attribute.Name, attribute);
        foreach (var extension in schema.Extensions) Place(extension.Id, null, extension.Attributes);
        slots["meta"] = new Slot("meta", MetaRank, CommonAttributes.Meta);
        return slots;
    }

    private static Dictionary<string, Slot> SlotsOf(IReadOnlyList<AttributeDefinition> attributes) =>
        Slots.GetValue(attributes, static key => ListSlots((IReadOnlyList<AttributeDefinition>)key));

    private static Dictionary<string, Slot> ListSlots(IReadOnlyList<AttributeDefinition> attributes)
    {
        var slots = new Dictionary<string, Slot>(StringComparer.Ordinal);
        foreach (var attribute in attributes) slots.TryAdd(attribute.Name, new Slot(attribute.Name, slots.Count, attribute));
        return slots;
    }

    /// <summary>An object's members in the order of their slots; each placed value ordered by its attribute.</summary>
    private static void WriteInOrder(Utf8JsonWriter writer, JsonElement source, Dictionary<string, Slot> slots)
    {
        JsonProperty[] members = [.. source.EnumerateObject()];
        var placed = new Slot?[members.Length];
        Span<int> ranks = stackalloc int[members.Length];
        Span<int> order = stackalloc int[members.Length];
        var lookup = slots.GetAlternateLookup<ReadOnlySpan<char>>();
        for (var i = 0; i < members.Length; i++)
        {
            placed[i] = SlotOf(members[i], lookup);
            ranks[i] = placed[i]?.Rank ?? RestRank + i;
            order[i] = i;
        }
        ranks.Sort(order);
        writer.WriteStartObject();
        foreach (var i in order)
        {
            if (placed[i] is not { } slot)
            {
                members[i].WriteTo(writer);
                continue;
            }
            writer.WritePropertyName(slot.Name);
            var value = members[i].Value;
            if (slot.Extension is { } extension) WriteInOrder(writer, value, SlotsOf(extension));
            else if (slot.Attribute is { } attribute) WriteOrdered(writer, value, attribute);
            else value.WriteTo(writer);
        }
        writer.WriteEndObject();
    }

    /// <summary>A member's slot: none for a name the order does not know, a null value, or an extension that is not an object.</summary>
    private static Slot? SlotOf(JsonProperty member, Dictionary<string, Slot>.AlternateLookup<ReadOnlySpan<char>> lookup)
    {
        var kind = member.Value.ValueKind;
        if (kind == JsonValueKind.Null) return null;
        var raw = JsonMarshal.GetRawUtf8PropertyName(member);
        Span<char> name = raw.Length <= 256 ? stackalloc char[raw.Length] : new char[raw.Length];
        if (!lookup.TryGetValue(name[..Encoding.UTF8.GetChars(raw, name)], out var slot)) return null;
        return slot.Extension is not null && kind != JsonValueKind.Object ? null : slot;
    }

    /// <summary>A value of an attribute with the sub-attributes of its complex values written in schema order.</summary>
    private static void WriteOrdered(Utf8JsonWriter writer, JsonElement value, AttributeDefinition attribute)
    {
        if (!attribute.IsComplex || value.ValueKind is not (JsonValueKind.Object or JsonValueKind.Array))
        {
            value.WriteTo(writer);
            return;
        }
        var slots = SlotsOf(attribute.SubAttributeList);
        if (value.ValueKind == JsonValueKind.Object)
        {
            WriteInOrder(writer, value, slots);
            return;
        }
        writer.WriteStartArray();
        foreach (var element in value.EnumerateArray())
        {
            if (element.ValueKind == JsonValueKind.Object) WriteInOrder(writer, element, slots);
            else element.WriteTo(writer);
        }
        writer.WriteEndArray();
    }

    /// <summary>
    /// Copies externalId, the core attributes and the non-empty extension objects in schema order. Compose's caller keeps
    /// its attributes, so they are copied value by value here: cloning them whole and then moving them into order
    /// measured 3.8 µs a user against 3.0.
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
}
