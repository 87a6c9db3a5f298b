using System.Text.Json.Nodes;
using Scim.Grains.Schemas;

namespace Scim.Grains.Discovery;

/// <summary>Renders resource types as RFC 7643 §6 ResourceType resources.</summary>
public static class ResourceTypeDocuments
{
    public static JsonObject Render(ResourceSchema type, string baseUrl) => new()
    {
        ["schemas"] = new JsonArray(SchemaUrns.ResourceType),
        ["id"] = type.Name,
        ["name"] = type.Name,
        ["endpoint"] = type.Endpoint,
        ["description"] = type.Description,
        ["schema"] = type.Core.Id,
        ["schemaExtensions"] = new JsonArray(type.Extensions
            .Select(e => (JsonNode)new JsonObject { ["schema"] = e.Id, ["required"] = type.IsRequired(e) }).ToArray()),
        ["meta"] = new JsonObject { ["resourceType"] = "ResourceType", ["location"] = $"{baseUrl}/ResourceTypes/{type.Name}" },
    };
}
