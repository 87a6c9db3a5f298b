using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Scim.Api.Auth;

namespace Scim.Api.Tests.Infrastructure;

/// <summary>An HTTP client bound to one tenant's SCIM endpoint and token, sending application/scim+json.</summary>
public sealed class ScimClient(HttpClient http, string tenant, string token)
{
    public string Tenant => tenant;

    /// <summary>The tenant owner's admin key, for the platform admin API.</summary>
    public string AdminKey { get; init; } = "";
    public string Token => token;

    /// <summary>The token's id, read as the service reads it; the admin APIs name tokens by it.</summary>
    public string TokenId => BearerTokens.TryParse(token, out var id, out _) ? id : throw new InvalidOperationException($"'{token}' is not a SCIM token.");
    public string Base => $"/scim/v2/{tenant}";
    public HttpClient Http => http;

    public Task<ScimResponse> GetAsync(string path, string? bearer = null) => SendAsync(HttpMethod.Get, path, null, bearer);
    public Task<ScimResponse> PostAsync(string path, string json) => SendAsync(HttpMethod.Post, path, json);
    public Task<ScimResponse> PutAsync(string path, string json) => SendAsync(HttpMethod.Put, path, json);
    public Task<ScimResponse> PatchAsync(string path, string json) => SendAsync(HttpMethod.Patch, path, json);
    public Task<ScimResponse> DeleteAsync(string path) => SendAsync(HttpMethod.Delete, path, null);

    public async Task<ScimResponse> SendAsync(HttpMethod method, string path, string? json, string? bearer = null,
        Action<HttpRequestMessage>? configure = null, string mediaType = "application/scim+json")
    {
        using var request = new HttpRequestMessage(method, Base + path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer ?? token);
        if (json is not null) request.Content = new StringContent(json, Encoding.UTF8, mediaType);
        configure?.Invoke(request);
        using var response = await http.SendAsync(request);
        return await ScimResponse.ReadAsync(response);
    }

    /// <summary>Creates a user with the given userName (and optional extra JSON members) and returns its id.</summary>
    public async Task<string> CreateUserAsync(string userName, string extra = "")
    {
        var response = await PostAsync("/Users", $$"""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"{{userName}}"{{extra}}}""");
        Assert.Equal(HttpStatusCode.Created, response.Status);
        return response.Id;
    }

    public async Task<string> CreateGroupAsync(string displayName, string members = "[]")
    {
        var response = await PostAsync("/Groups", $$"""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"{{displayName}}","members":{{members}}}""");
        Assert.Equal(HttpStatusCode.Created, response.Status);
        return response.Id;
    }
}

public sealed record ScimResponse(HttpStatusCode Status, JsonNode? Body, HttpResponseHeaders Headers, string? MediaType)
{
    public static async Task<ScimResponse> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return new ScimResponse(response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text), response.Headers, response.Content.Headers.ContentType?.MediaType);
    }

    public string Id => Body!["id"]!.GetValue<string>();

    public string? ScimType => Body?["scimType"]?.GetValue<string>();

    public int TotalResults => Body!["totalResults"]!.GetValue<int>();

    public JsonArray Resources => Body!["Resources"]!.AsArray();

    /// <summary>Asserts a SCIM error response: status, scimType and the error schema.</summary>
    public void AssertError(HttpStatusCode status, string? scimType)
    {
        Assert.Equal(status, Status);
        Assert.Equal("application/scim+json", MediaType);
        Assert.Equal("urn:ietf:params:scim:api:messages:2.0:Error", Body!["schemas"]![0]!.GetValue<string>());
        Assert.Equal(((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture), Body["status"]!.GetValue<string>());
        Assert.Equal(scimType, ScimType);
        Assert.False(string.IsNullOrWhiteSpace(Body["detail"]?.GetValue<string>()));
    }
}
