using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Scim.Api.Tests.Infrastructure;

/// <summary>The group side of the admin API for one tenant, with the operator key: manual members and the hierarchy.</summary>
public sealed class GroupAdminClient(HttpClient http, string tenant)
{
    private string Groups => $"/admin/v1/tenants/{tenant}/groups";

    public async Task<string> PlatformGroupIdAsync() =>
        (await GetJsonAsync($"/admin/v1/tenants/{tenant}"))["platformGroupId"]!.GetValue<string>();

    public async Task<HttpStatusCode> AddManualMemberAsync(string groupId, string userId) =>
        (await http.PutAsync($"{Groups}/{groupId}/manual-members/{userId}", null)).StatusCode;

    public async Task<HttpStatusCode> RemoveManualMemberAsync(string groupId, string userId) =>
        (await http.DeleteAsync($"{Groups}/{groupId}/manual-members/{userId}")).StatusCode;

    /// <summary>Every member of the group with its sources, reading all pages of the given size.</summary>
    public async Task<Dictionary<string, string[]>> MembersAsync(string groupId, int pageSize = 100)
    {
        var members = new Dictionary<string, string[]>();
        string? after = null;
        do
        {
            var page = await GetJsonAsync($"{Groups}/{groupId}/members?count={pageSize}" + (after is null ? "" : $"&after={after}"));
            foreach (var member in page["members"]!.AsArray())
                members.Add(member!["userId"]!.GetValue<string>(), member["sources"]!.AsArray().Select(s => s!.GetValue<string>()).ToArray());
            after = page["next"]?.GetValue<string>();
        }
        while (after is not null);
        return members;
    }

    /// <summary>The ids of a group's children, reading all pages of the given size.</summary>
    public async Task<List<string>> ChildrenAsync(string groupId, int pageSize = 100)
    {
        var children = new List<string>();
        string? after = null;
        do
        {
            var page = await GetJsonAsync($"{Groups}/{groupId}/children?count={pageSize}" + (after is null ? "" : $"&after={after}"));
            children.AddRange(page["groups"]!.AsArray().Select(g => g!["id"]!.GetValue<string>()));
            after = page["next"]?.GetValue<string>();
        }
        while (after is not null);
        return children;
    }

    /// <summary>The ids from the platform group down to the group.</summary>
    public async Task<List<string>> PathAsync(string groupId) =>
        (await GetJsonAsync($"{Groups}/{groupId}/path"))["path"]!.AsArray().Select(g => g!["id"]!.GetValue<string>()).ToList();

    public Task<HttpResponseMessage> MoveAsync(string groupId, string? parentId) =>
        http.PutAsJsonAsync($"{Groups}/{groupId}/parent", new { parentId });

    public Task<HttpResponseMessage> GetAsync(string path) => http.GetAsync(Groups + path);

    private async Task<JsonNode> GetJsonAsync(string path)
    {
        var response = await http.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }
}
