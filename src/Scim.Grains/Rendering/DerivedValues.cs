using System.Text.Json.Nodes;
using Scim.Grains.Documents;
using Scim.Grains.Interfaces.Groups;
using Scim.Grains.Schemas;

namespace Scim.Grains.Rendering;

/// <summary>
/// The values of the attributes that are rows, not document content: a group's members and a user's groups. Without a
/// base URL they are what filters compare (both stores see the same objects); with one, what responses show.
/// </summary>
public static class DerivedValues
{
    public static JsonObject Member(GroupMember member, string? baseUrl = null)
    {
        var element = new JsonObject { ["value"] = member.MemberId };
        if (baseUrl is not null)
        {
            element["$ref"] = ResourceRenderer.Location(baseUrl, ResourceSchema.User, member.MemberId);
            element["type"] = "User";
        }
        if (member.Display is not null) element["display"] = member.Display;
        return element;
    }

    public static JsonObject Group(UserGroup group, string? baseUrl = null)
    {
        var element = new JsonObject { ["value"] = group.GroupId };
        if (baseUrl is not null) element["$ref"] = ResourceRenderer.Location(baseUrl, ResourceSchema.Group, group.GroupId);
        element["display"] = group.DisplayName;
        element["type"] = group.Direct ? "direct" : "indirect";
        return element;
    }
}
