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
        && Write(document, static value => value as JsonObject, WriteValue,
            Location(options.BaseUrl, schema, ResourceDocument.GetString(document, "id")!), schema, derivedAttribute, derived) is { } text
            ? text
            : Compose(document, schema, options, projection, derivedAttribute, derived, keepEmpty: false).ToJsonString(ScimJson.Options);

    /// <summary>
    /// A row's response text, as <see cref="Render(JsonObject, ResourceSchema, RenderOptions, Projection, AttributeDefinition?, JsonArray?)"/>
    /// says it; a row still holding its stored text is written from that text when kept whole, with no tree built.
    /// </summary>
    public static string Render(StoredResource row, ResourceSchema schema, RenderOptions options, Projection projection,
        AttributeDefinition? derivedAttribute = null, JsonArray? derived = null)
    {
        if (row.UnparsedJson is { } json && projection.KeepsEverything(schema))
        {
            using var parsed = JsonDocument.Parse(json);
            if (Write(Members(parsed.RootElement), static value => value.ValueKind == JsonValueKind.Object ? Members(value) : null,
                    static (writer, value) => value.WriteTo(writer), Location(options.BaseUrl, schema, row.Id), schema, derivedAttribute, derived)
                is { } text)
                return text;
        }
        return Render(row.Document, schema, options, projection, derivedAttribute, derived);
    }

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
            if (DerivedGoesBefore(key, derived, keepEmpty)) output[derivedAttribute!.Name] = derived;
            if (NeverReturned(schema, key)) continue;
            output[key] = value?.DeepClone();
        }
        if (output["meta"] is JsonObject meta) meta["location"] = Location(options.BaseUrl, schema, ResourceDocument.GetString(document, "id")!);
        return projection.Apply(output, schema);
    }

    /// <summary>
    /// What <see cref="Compose"/> builds when the projection keeps everything, written straight from the document's members
    /// (a tree's, or the elements of its stored text): a read or a lookup would otherwise copy the whole document into a
    /// new tree only to serialize it once. Null when the document stores the derived attribute itself (none the service
    /// writes does): <see cref="Compose"/> puts the derived value in its place.
    /// </summary>
    private static string? Write<TValue>(IEnumerable<KeyValuePair<string, TValue>> members, Func<TValue, IEnumerable<KeyValuePair<string, TValue>>?> membersOf,
        Action<Utf8JsonWriter, TValue> writeValue, string location, ResourceSchema schema, AttributeDefinition? derivedAttribute, JsonArray? derived)
    {
        var (buffer, writer) = RenderBuffer.Take();
        writer.WriteStartObject();
        foreach (var (key, value) in members)
        {
            if (key == derivedAttribute?.Name) return null;
            if (DerivedGoesBefore(key, derived, keepEmpty: false))
            {
                writer.WritePropertyName(derivedAttribute!.Name);
                derived!.WriteTo(writer, ScimJson.Options);
            }
            if (NeverReturned(schema, key)) continue;
            writer.WritePropertyName(key);
            if (key == "meta" && membersOf(value) is { } meta) WriteMeta(writer, meta, writeValue, location);
            else writeValue(writer, value);
        }
        writer.WriteEndObject();
        writer.Flush();
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static IEnumerable<KeyValuePair<string, JsonElement>> Members(JsonElement element) =>
        element.EnumerateObject().Select(property => KeyValuePair.Create(property.Name, property.Value));

    /// <summary>The derived attribute goes just before meta; an empty one only when asked (a group written around its members).</summary>
    private static bool DerivedGoesBefore(string key, JsonArray? derived, bool keepEmpty) =>
        key == "meta" && derived is not null && (keepEmpty || derived.Count > 0);

    /// <summary>Attributes returned "never" (a password) are stored but never rendered.</summary>
    private static bool NeverReturned(ResourceSchema schema, string key) => schema.Core.FindAttribute(key)?.Returned == Returned.Never;

    /// <summary>meta with its location: in place of a stored one, else last.</summary>
    private static void WriteMeta<TValue>(Utf8JsonWriter writer, IEnumerable<KeyValuePair<string, TValue>> meta, Action<Utf8JsonWriter, TValue> writeValue,
        string location)
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
            else writeValue(writer, value);
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
