using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Scim.Grains.Documents;
using Scim.Grains.Interfaces.Groups;
using Scim.Grains.Interfaces.Resources;
using Scim.Grains.Schemas;

namespace Scim.Grains.Rendering;

/// <summary>
/// Renders a stored document for one request: adds meta.location and the derived attribute (a group's members or a
/// user's groups, before meta), drops attributes that are never returned (password), then applies the projection. A
/// large group's members are rendered in chunks (<see cref="RenderMembers"/>) written into an array left open.
/// </summary>
public static class ResourceRenderer
{
    /// <summary>
    /// A resource's response text. Kept whole, it is written straight from the document; a document that stores the
    /// derived attribute itself (none the service writes does) takes the tree, which puts the derived value in its place.
    /// </summary>
    public static string Render(JsonObject document, ResourceSchema schema, RenderOptions options, Projection projection,
        AttributeDefinition? derivedAttribute = null, JsonArray? derived = null) =>
        projection.KeepsEverything(schema)
        && Write(document, Location(options.BaseUrl, schema, ResourceDocument.GetString(document, "id")!), schema, derivedAttribute, derived) is { } text
            ? text
            : Compose(document, schema, options, projection, derivedAttribute, derived, keepEmpty: false).ToJsonString(ScimJson.Options);

    /// <summary>
    /// A row's response text, as <see cref="Render(JsonObject, ResourceSchema, RenderOptions, Projection, AttributeDefinition?, JsonArray?)"/>
    /// says it; a row still holding its stored text is cut from that text when kept whole, with no tree built.
    /// </summary>
    public static string Render(StoredResource row, ResourceSchema schema, RenderOptions options, Projection projection,
        AttributeDefinition? derivedAttribute = null, JsonArray? derived = null) =>
        row.UnparsedJson is { } json && projection.KeepsEverything(schema)
        && Cut(json, Location(options.BaseUrl, schema, row.Id), schema, derivedAttribute, derived) is { } text
            ? text
            : Render(row.Document, schema, options, projection, derivedAttribute, derived);

    /// <summary>
    /// A group rendered around its members array, for a caller that writes the array itself (a group too large to
    /// render in one call): the object's text up to where the array goes, with a separating comma when anything comes
    /// before it, and the text after the array to the closing brace. Projected like <see cref="Render"/>.
    /// </summary>
    public static (string Before, string After) RenderAround(JsonObject document, ResourceSchema schema, RenderOptions options, Projection projection)
    {
        var members = GroupSchema.Members.Name;
        var rendered = Compose(document, schema, options, projection, GroupSchema.Members, new JsonArray(), keepEmpty: true);
        if (rendered[members] is null) rendered = WithBeforeMeta(rendered, members, new JsonArray());
        var names = rendered.Select(p => p.Key).ToList();
        var at = names.IndexOf(members);
        string Property(string name) => $"{JsonSerializer.Serialize(name, ScimJson.Options)}:{rendered[name]?.ToJsonString(ScimJson.Options) ?? "null"}";
        var before = string.Concat(names.Take(at).Select(name => Property(name) + ","));
        var after = string.Concat(names.Skip(at + 1).Select(name => "," + Property(name)));
        return ("{" + before, after + "}");
    }

    public static string RenderMembers(IEnumerable<GroupMember> members, ResourceSchema schema, RenderOptions options, Projection projection)
    {
        var name = GroupSchema.Members.Name;
        var holder = new JsonObject { [name] = new JsonArray(members.Select(m => (JsonNode)DerivedValues.Member(m, options.BaseUrl)).ToArray()) };
        return projection.Apply(holder, schema)[name] is JsonArray shown
            ? string.Join(',', shown.Select(e => e!.ToJsonString(ScimJson.Options)))
            : "";
    }

    public static string Location(string baseUrl, ResourceSchema schema, string id) => $"{baseUrl}{schema.Endpoint}/{Uri.EscapeDataString(id)}";

    private static JsonObject Compose(JsonObject document, ResourceSchema schema, RenderOptions options, Projection projection,
        AttributeDefinition? derivedAttribute, JsonArray? derived, bool keepEmpty)
    {
        var output = new JsonObject();
        foreach (var (key, value) in document)
        {
            if (DerivedGoesBefore(key == "meta", derived, keepEmpty)) output[derivedAttribute!.Name] = derived;
            if (NeverReturned(schema, key)) continue;
            output[key] = value?.DeepClone();
        }
        if (output["meta"] is JsonObject meta) meta["location"] = Location(options.BaseUrl, schema, ResourceDocument.GetString(document, "id")!);
        return projection.Apply(output, schema);
    }

    /// <summary>
    /// What <see cref="Compose"/> builds when the projection keeps everything, written straight from the document's members:
    /// a read would otherwise copy the whole document into a new tree only to serialize it once. Null when the document
    /// stores the derived attribute itself (none the service writes does): <see cref="Compose"/> puts the derived value in
    /// its place.
    /// </summary>
    private static string? Write(JsonObject document, string location, ResourceSchema schema, AttributeDefinition? derivedAttribute, JsonArray? derived)
    {
        var (buffer, writer) = JsonBuffer.Take();
        writer.WriteStartObject();
        foreach (var (key, value) in document)
        {
            if (key == derivedAttribute?.Name) return null;
            if (DerivedGoesBefore(key == "meta", derived, keepEmpty: false))
            {
                writer.WritePropertyName(derivedAttribute!.Name);
                derived!.WriteTo(writer, ScimJson.Options);
            }
            if (NeverReturned(schema, key)) continue;
            writer.WritePropertyName(key);
            if (key == "meta" && value is JsonObject meta) WriteMeta(writer, meta, location);
            else WriteValue(writer, value);
        }
        writer.WriteEndObject();
        writer.Flush();
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>
    /// What <see cref="Write"/> says of a row's stored text, cut from that text rather than parsed and written again: the
    /// service wrote the text (compact, names as the schema spells them, escaped as <see cref="ScimJson"/> escapes), so
    /// each member kept is copied as it stands; members never returned are left out, the derived attribute goes before
    /// meta and meta gets its location, as <see cref="Write"/> does. Null where <see cref="Write"/> is null.
    /// </summary>
    private static string? Cut(byte[] json, string location, ResourceSchema schema, AttributeDefinition? derivedAttribute, JsonArray? derived)
    {
        var (buffer, writer) = JsonBuffer.Take();
        var reader = new Utf8JsonReader(json);
        reader.Read();
        buffer.Write("{"u8);
        var separated = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (derivedAttribute is not null && reader.ValueTextEquals(derivedAttribute.Name)) return null;
            var start = (int)reader.TokenStartIndex;
            var isMeta = reader.ValueTextEquals("meta"u8);
            var hidden = NeverReturned(schema, ref reader);
            reader.Read();
            if (DerivedGoesBefore(isMeta, derived, keepEmpty: false))
            {
                Separate(buffer, ref separated);
                WriteName(buffer, derivedAttribute!.Name);
                WriteRoot(buffer, writer, derived!, static (w, value) => value.WriteTo(w, ScimJson.Options));
            }
            if (isMeta && reader.TokenType == JsonTokenType.StartObject)
            {
                Separate(buffer, ref separated);
                buffer.Write(json.AsSpan(start, (int)reader.TokenStartIndex - start));
                CutMeta(json, ref reader, buffer, writer, location);
                continue;
            }
            reader.Skip();
            if (hidden) continue;
            Separate(buffer, ref separated);
            buffer.Write(json.AsSpan(start, (int)reader.BytesConsumed - start));
        }
        buffer.Write("}"u8);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>meta's members copied from the text, its location in place of a stored one, else last (as <see cref="WriteMeta"/>).</summary>
    private static void CutMeta(byte[] json, ref Utf8JsonReader reader, ArrayBufferWriter<byte> buffer, Utf8JsonWriter writer, string location)
    {
        buffer.Write("{"u8);
        var separated = false;
        var located = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var start = (int)reader.TokenStartIndex;
            var isLocation = reader.ValueTextEquals("location"u8);
            reader.Read();
            reader.Skip();
            Separate(buffer, ref separated);
            if (!isLocation)
            {
                buffer.Write(json.AsSpan(start, (int)reader.BytesConsumed - start));
                continue;
            }
            WriteLocation(buffer, writer, location);
            located = true;
        }
        if (!located)
        {
            Separate(buffer, ref separated);
            WriteLocation(buffer, writer, location);
        }
        buffer.Write("}"u8);
    }

    private static void WriteLocation(ArrayBufferWriter<byte> buffer, Utf8JsonWriter writer, string location)
    {
        WriteName(buffer, "location");
        WriteRoot(buffer, writer, location, static (w, value) => w.WriteStringValue(value));
    }

    private static void Separate(ArrayBufferWriter<byte> buffer, ref bool separated)
    {
        if (separated) buffer.Write(","u8);
        separated = true;
    }

    private static void WriteName(ArrayBufferWriter<byte> buffer, string name)
    {
        buffer.Write("\""u8);
        buffer.Write(JsonEncodedText.Encode(name, ScimJson.Options.Encoder).EncodedUtf8Bytes);
        buffer.Write("\":"u8);
    }

    /// <summary>A value written by the buffer's writer as a JSON text of its own, between bytes copied as they stand.</summary>
    private static void WriteRoot<T>(ArrayBufferWriter<byte> buffer, Utf8JsonWriter writer, T value, Action<Utf8JsonWriter, T> write)
    {
        writer.Reset(buffer);
        write(writer, value);
        writer.Flush();
    }

    /// <summary>The derived attribute goes just before meta; an empty one only when asked (a group written around its members).</summary>
    private static bool DerivedGoesBefore(bool atMeta, JsonArray? derived, bool keepEmpty) =>
        atMeta && derived is not null && (keepEmpty || derived.Count > 0);

    /// <summary>Attributes returned "never" (a password) are stored but never rendered.</summary>
    private static bool NeverReturned(ResourceSchema schema, string key) => schema.Core.FindAttribute(key)?.Returned == Returned.Never;

    /// <summary>The same, for the member name a reader of stored text is on (stored names are spelled as the schema spells them).</summary>
    private static bool NeverReturned(ResourceSchema schema, ref Utf8JsonReader reader)
    {
        foreach (var attribute in schema.Core.Attributes)
        {
            if (attribute.Returned == Returned.Never && reader.ValueTextEquals(attribute.Name)) return true;
        }
        return false;
    }

    /// <summary>meta with its location: in place of a stored one, else last.</summary>
    private static void WriteMeta(Utf8JsonWriter writer, JsonObject meta, string location)
    {
        writer.WriteStartObject();
        var located = false;
        foreach (var (key, value) in meta)
        {
            writer.WritePropertyName(key);
            if (key == "location")
            {
                writer.WriteStringValue(location);
                located = true;
            }
            else WriteValue(writer, value);
        }
        if (!located) writer.WriteString("location", location);
        writer.WriteEndObject();
    }

    private static void WriteValue(Utf8JsonWriter writer, JsonNode? value)
    {
        if (value is null) writer.WriteNullValue();
        else value.WriteTo(writer, ScimJson.Options);
    }

    /// <summary>The object with a property added just before meta (or last, when the projection left meta out).</summary>
    private static JsonObject WithBeforeMeta(JsonObject rendered, string name, JsonNode value)
    {
        var result = new JsonObject();
        foreach (var (key, existing) in rendered.ToList())
        {
            rendered.Remove(key);
            if (key == "meta") result[name] = value;
            result[key] = existing;
        }
        if (result[name] is null) result[name] = value;
        return result;
    }
}
