using System.Text.Json.Nodes;
using Scim.Grains.Schemas;

namespace Scim.Grains.Discovery;

/// <summary>Renders schema definitions as RFC 7643 §7 Schema resources.</summary>
public static class SchemaDocuments
{
    public static readonly IReadOnlyList<SchemaDefinition> All =
    [
        UserSchema.Definition, EnterpriseUserSchema.Definition, GroupSchema.Definition,
        MetaSchemas.ServiceProviderConfig, MetaSchemas.ResourceType, MetaSchemas.Schema,
    ];

    public static JsonObject Render(SchemaDefinition schema, string baseUrl) => new()
    {
        ["schemas"] = new JsonArray(SchemaUrns.Schema),
        ["id"] = schema.Id,
        ["name"] = schema.Name,
        ["description"] = schema.Description,
        ["attributes"] = new JsonArray(schema.Attributes.Select(a => (JsonNode)Render(a)).ToArray()),
        ["meta"] = new JsonObject { ["resourceType"] = "Schema", ["location"] = $"{baseUrl}/Schemas/{schema.Id}" },
    };

    private static JsonObject Render(AttributeDefinition attribute)
    {
        var json = new JsonObject
        {
            ["name"] = attribute.Name,
            ["type"] = Camel(attribute.Type.ToString()),
            ["multiValued"] = attribute.MultiValued,
            ["description"] = attribute.Description,
            ["required"] = attribute.Required,
        };
        if (attribute.IsComplex)
        {
            json["subAttributes"] = new JsonArray(attribute.SubAttributeList.Select(s => (JsonNode)Render(s)).ToArray());
        }
        else if (attribute.Type is not (AttributeType.Boolean or AttributeType.Integer or AttributeType.Decimal or AttributeType.DateTime))
        {
            json["caseExact"] = attribute.CaseExact;
        }
        if (attribute.CanonicalValues is { } canonical) json["canonicalValues"] = new JsonArray(canonical.Select(v => (JsonNode)v).ToArray());
        json["mutability"] = Camel(attribute.Mutability.ToString());
        json["returned"] = Camel(attribute.Returned.ToString());
        if (attribute.Type is AttributeType.String or AttributeType.Reference or AttributeType.Integer or AttributeType.Binary)
            json["uniqueness"] = Camel(attribute.Uniqueness.ToString());
        if (attribute.ReferenceTypes is { } types) json["referenceTypes"] = new JsonArray(types.Select(v => (JsonNode)v).ToArray());
        return json;
    }

    private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
