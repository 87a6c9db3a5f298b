using System.Text.Json.Nodes;
using Scim.Grains.Interfaces.Errors;
using Scim.Grains.Schemas;

namespace Scim.Grains.Normalizing;

/// <summary>
/// Reads a POST or PUT body into normalized client-owned attributes (RFC 7644 §3.3, §3.5.1): names in any case,
/// values normalized by <see cref="ValueNormalizer"/>, readOnly attributes (id, meta, groups) and <c>schemas</c>
/// ignored, unknown attributes and unknown schema URNs ignored (as the Microsoft suite expects of a misspelled
/// attribute), required attributes checked. Attributes stored apart from the document (group members) are skipped.
/// </summary>
public static class ResourceNormalizer
{
    public static JsonObject Normalize(JsonObject body, ResourceSchema schema)
    {
        var attributes = new JsonObject();
        foreach (var (key, value) in body)
        {
            if (key.Equals("schemas", StringComparison.OrdinalIgnoreCase)) continue;
            if (schema.FindSchema(key) is { } whole)
            {
                AddSchemaObject(attributes, schema, whole, value);
                continue;
            }
            if (AttrPath.TryParse(key) is { } path && schema.Resolve(path) is { } resolved) Add(attributes, resolved, value);
        }
        CheckRequired(attributes, schema);
        return attributes;
    }

    private static void AddSchemaObject(JsonObject attributes, ResourceSchema schema, SchemaDefinition target, JsonNode? value)
    {
        if (value is null) return;
        if (value is not JsonObject obj) throw ScimException.InvalidValue($"'{target.Id}' must be a JSON object.");
        foreach (var (key, inner) in obj)
        {
            if (AttrPath.TryParse(key) is { Urn: null } path && schema.Resolve(path with { Urn = target.Id }) is { } resolved)
                Add(attributes, resolved, inner);
        }
    }

    private static void Add(JsonObject attributes, ResolvedAttribute resolved, JsonNode? value)
    {
        var attribute = resolved.Attribute;
        if (attribute.Mutability == Mutability.ReadOnly || ResourceSchema.IsStoredApart(attribute)) return;
        var container = resolved.InExtension ? ExtensionObject(attributes, resolved.Schema!.Id) : attributes;
        if (resolved.SubAttribute is { } sub)
        {
            if (sub.Mutability == Mutability.ReadOnly || attribute.MultiValued) return;
            var normalizedSub = ValueNormalizer.Normalize(sub, value, $"{attribute.Name}.{sub.Name}");
            if (normalizedSub is null) return;
            if (container[attribute.Name] is not JsonObject complex) container[attribute.Name] = complex = new JsonObject();
            complex[sub.Name] = normalizedSub;
            return;
        }
        var normalized = ValueNormalizer.Normalize(attribute, value, attribute.Name);
        if (normalized is null) container.Remove(attribute.Name);
        else container[attribute.Name] = normalized;
    }

    private static JsonObject ExtensionObject(JsonObject attributes, string urn)
    {
        if (attributes[urn] is JsonObject existing) return existing;
        var created = new JsonObject();
        attributes[urn] = created;
        return created;
    }

    /// <summary>Fails with 400 invalidValue when a required attribute of the core schema, or of a present extension, is missing.</summary>
    public static void CheckRequired(JsonObject attributes, ResourceSchema schema)
    {
        foreach (var attribute in schema.Core.Attributes.Where(a => a.Required && !ResourceSchema.IsStoredApart(a)))
        {
            if (!HasValue(attributes[attribute.Name])) throw ScimException.InvalidValue($"'{attribute.Name}' is required.");
        }
        foreach (var extension in schema.Extensions)
        {
            if (attributes[extension.Id] is not JsonObject values)
            {
                if (schema.IsRequired(extension) && extension.Attributes.FirstOrDefault(a => a.Required) is { } required)
                    throw ScimException.InvalidValue($"'{extension.Id}:{required.Name}' is required.");
                continue;
            }
            var missing = extension.Attributes.FirstOrDefault(a => a.Required && !HasValue(values[a.Name]));
            if (missing is not null) throw ScimException.InvalidValue($"'{extension.Id}:{missing.Name}' is required.");
        }
    }

    private static bool HasValue(JsonNode? node) =>
        node is not null && !(node is JsonValue v && v.TryGetValue<string>(out var s) && string.IsNullOrWhiteSpace(s));
}
