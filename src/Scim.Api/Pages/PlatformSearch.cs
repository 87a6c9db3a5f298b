using System.Text.Json;
using System.Text.Json.Nodes;
using Scim.Grains.Interfaces.Platform;
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

    public sealed record FoundGroup(string Id, string DisplayName);

    /// <summary>A page of users whose userName or e-mail starts with the text, or whose display name contains it (all users without text), by userName.</summary>
    public static Task<PlatformUserList> UsersAsync(IGrainFactory grains, string tenant, string? text, int startIndex = 1, int count = MaxFound)
    {
        var filter = string.IsNullOrWhiteSpace(text)
            ? null
            : $"userName sw {Literal(text)} or emails.value sw {Literal(text)} or displayName co {Literal(text)}";
        return grains.Grain<IQueryGrain>(tenant).ListPlatformUsersAsync(new ListQuery(filter, startIndex, count, "userName"));
    }

    /// <summary>Groups whose displayName contains the text.</summary>
    public static async Task<IReadOnlyList<FoundGroup>> GroupsAsync(IGrainFactory grains, string tenant, string text)
    {
        var result = await grains.Grain<IQueryGrain>(tenant).ListAsync(ResourceKind.Group,
            new ListQuery($"displayName co {Literal(text)}", 1, MaxFound, "displayName"), new RenderOptions("", "displayName"));
        return result.Resources.Select(r => JsonNode.Parse(r.Json)!)
            .Select(group => new FoundGroup(group["id"]!.GetValue<string>(), group["displayName"]!.GetValue<string>())).ToList();
    }

    /// <summary>The text as a filter's string value (a JSON string), so no typed character can change the filter.</summary>
    private static string Literal(string text) => JsonSerializer.Serialize(text.Trim());
}
