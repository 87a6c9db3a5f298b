using System.Text.Json.Nodes;
using Scim.Grains.Interfaces.Errors;
using Scim.Grains.Schemas;

namespace Scim.Grains.Documents;

/// <summary>
/// The bounds every stored resource keeps, checked before any store sees it so that both backends accept and refuse
/// the same resources: the names that unique indexes and lookups are built on are at most
/// <see cref="ScimLimits.MaxIndexedLength"/> characters (PostgreSQL cannot index longer ones), and a multi-valued
/// attribute holds at most <see cref="ScimLimits.MaxValues"/> values. String length in general is bounded where bodies are read.
/// </summary>
public static class ResourceLimits
{
    private static readonly string[] IndexedNames =
        ["userName", CommonAttributes.ExternalId.Name, "displayName"];

    public static void Check(JsonObject attributes, ResourceSchema schema)
    {
        foreach (var name in IndexedNames)
        {
            if (ResourceDocument.GetString(attributes, name) is { Length: > ScimLimits.MaxIndexedLength })
                throw ScimException.InvalidValue($"'{name}' has at most {ScimLimits.MaxIndexedLength} characters.");
        }
        foreach (var definition in new[] { schema.Core }.Concat(schema.Extensions))
        {
            var container = schema.IsExtension(definition) ? attributes[definition.Id] as JsonObject : attributes;
            foreach (var attribute in definition.Attributes.Where(a => a.MultiValued))
            {
                if (container?[attribute.Name] is JsonArray { Count: > ScimLimits.MaxValues }) throw TooManyValues(attribute.Name);
            }
        }
    }

    /// <summary>400 invalidValue: more values than a multi-valued attribute may hold.</summary>
    public static ScimException TooManyValues(string path) =>
        ScimException.InvalidValue($"'{path}' holds at most {ScimLimits.MaxValues} values.");
}
