using System.Text.Json.Nodes;
using Scim.Grains.Interfaces.Resources;
using Scim.Grains.Schemas;
using Scim.Grains.Storage;

namespace Scim.Grains.Resources;

/// <summary>
/// Renders a stored document for one request: adds meta.location and, for a group, its members (before meta),
/// drops attributes that are never returned (password), then applies the projection.
/// </summary>
public static class ResourceRenderer
{
    public static string Render(JsonObject document, ResourceSchema schema, RenderOptions options, Projection projection,
        IReadOnlyList<GroupMember>? members)
    {
        var output = new JsonObject();
        foreach (var (key, value) in document)
        {
            if (key == "meta" && members is { Count: > 0 }) output[GroupSchema.Members.Name] = RenderMembers(members, options.BaseUrl);
            var attribute = schema.Core.FindAttribute(key);
            if (attribute?.Returned == Returned.Never) continue;
            output[key] = value?.DeepClone();
        }
        if (output["meta"] is JsonObject meta) meta["location"] = Location(options.BaseUrl, schema, ResourceDocument.GetString(document, "id")!);
        return projection.Apply(output, schema).ToJsonString(ScimJson.Options);
    }

    public static string Location(string baseUrl, ResourceSchema schema, string id) => $"{baseUrl}{schema.Endpoint}/{Uri.EscapeDataString(id)}";

    private static JsonArray RenderMembers(IReadOnlyList<GroupMember> members, string baseUrl)
    {
        var array = new JsonArray();
        foreach (var member in members)
        {
            var element = new JsonObject
            {
                ["value"] = member.MemberId,
                ["$ref"] = Location(baseUrl, ResourceSchema.User, member.MemberId),
                ["type"] = "User",
            };
            if (member.Display is not null) element["display"] = member.Display;
            array.Add(element);
        }
        return array;
    }
}
