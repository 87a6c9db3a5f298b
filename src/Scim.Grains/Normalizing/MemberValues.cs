using System.Text.Json.Nodes;
using System.Text.Json;
using Scim.Grains.Interfaces.Errors;
using Scim.Grains.Interfaces.Groups;
using Scim.Grains.Rules;
using Scim.Grains.Schemas;

namespace Scim.Grains.Normalizing;

/// <summary>
/// Reads group member values as IdPs send them: objects with value, display (or displayName), type and $ref
/// (a null $ref is fine, E6), or a bare id string. Members are users (<see cref="GroupMembersAreUsers"/>).
/// </summary>
public static class MemberValues
{
    public const int MaxMembersPerRequest = 10_000;

    public static IReadOnlyList<GroupMember> Parse(JsonNode? value)
    {
        if (value is null) return [];
        var items = value is JsonArray array ? array.ToList() : [value];
        if (items.Count > MaxMembersPerRequest) throw ScimException.TooMany($"At most {MaxMembersPerRequest} members per request.");
        var members = new Dictionary<string, GroupMember>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            if (item is null) continue;
            var member = ParseOne(item);
            members[member.MemberId] = member;
        }
        return members.Values.ToList();
    }

    private static GroupMember ParseOne(JsonNode item)
    {
        if (item is JsonValue scalar) return new GroupMember(RequireId(Text(scalar)), null);
        if (item is not JsonObject obj) throw ScimException.InvalidValue("A member must be an object with a 'value' or an id string.");
        string? id = null, display = null, type = null;
        foreach (var (key, node) in obj)
        {
            switch (key.ToLowerInvariant())
            {
                case "value": id = Text(node); break;
                case "display" or "displayname": display = Text(node); break;
                case "type": type = Text(node); break;
            }
        }
        if (type is not null && !type.Equals("User", StringComparison.OrdinalIgnoreCase))
        {
            throw type.Equals("Group", StringComparison.OrdinalIgnoreCase)
                ? GroupMembersAreUsers.Refused()
                : ScimException.InvalidValue($"Unknown member type '{type}'; members are Users.");
        }
        return new GroupMember(RequireId(id), display);
    }

    private static string RequireId(string? id)
    {
        if (string.IsNullOrWhiteSpace(id)) throw ScimException.InvalidValue("A member needs a non-empty 'value' (the member's id).");
        if (id.Length > ScimLimits.MaxIndexedLength) throw ScimException.InvalidValue($"A member's 'value' has at most {ScimLimits.MaxIndexedLength} characters.");
        return id;
    }

    private static string? Text(JsonNode? node) => node switch
    {
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        null => null,
        _ => throw ScimException.InvalidValue($"Member fields must be strings; got {node.ToJsonString()}."),
    };
}
