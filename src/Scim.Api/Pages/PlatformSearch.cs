using System.Text.Json;
using System.Text.Json.Nodes;
using Scim.Grains.Interfaces.References;
using Scim.Grains.Interfaces.Resources;

namespace Scim.Api.Pages;

/// <summary>
/// Finds users and groups by what a person types, through the query grain that serves SCIM lists, so the pages and
/// the SCIM API match by the same rules.
/// </summary>
public static class PlatformSearch
{
    public const int MaxFound = 10;

    public sealed record FoundUser(string Id, string UserName, string? DisplayName, string? Email, bool Active);

    public sealed record FoundGroup(string Id, string DisplayName);

    /// <summary>Users whose userName or e-mail starts with the text, or whose display name contains it.</summary>
    public static async Task<IReadOnlyList<FoundUser>> UsersAsync(IGrainFactory grains, string tenant, string text)
    {
        var literal = Literal(text);
        var found = await ListAsync(grains, tenant, ResourceKind.User,
            $"userName sw {literal} or emails.value sw {literal} or displayName co {literal}", "userName", "userName,displayName,emails,active");
        return found.Select(user => new FoundUser(Text(user, "id")!, Text(user, "userName")!, Text(user, "displayName"),
            user["emails"]?.AsArray().Select(e => e?["value"]?.GetValue<string>()).FirstOrDefault(), user["active"]?.GetValue<bool>() ?? true)).ToList();
    }

    /// <summary>Groups whose displayName contains the text.</summary>
    public static async Task<IReadOnlyList<FoundGroup>> GroupsAsync(IGrainFactory grains, string tenant, string text)
    {
        var found = await ListAsync(grains, tenant, ResourceKind.Group, $"displayName co {Literal(text)}", "displayName", "displayName");
        return found.Select(group => new FoundGroup(Text(group, "id")!, Text(group, "displayName")!)).ToList();
    }

    private static async Task<IEnumerable<JsonNode>> ListAsync(IGrainFactory grains, string tenant, ResourceKind kind, string filter, string sortBy, string attributes)
    {
        var result = await grains.Grain<IQueryGrain>(tenant).ListAsync(kind, new ListQuery(filter, 1, MaxFound, sortBy), new RenderOptions("", attributes));
        return result.Resources.Select(r => JsonNode.Parse(r.Json)!);
    }

    /// <summary>The text as a filter's string value (a JSON string), so no typed character can change the filter.</summary>
    private static string Literal(string text) => JsonSerializer.Serialize(text.Trim());

    private static string? Text(JsonNode node, string name) => node[name]?.GetValue<string>();
}
