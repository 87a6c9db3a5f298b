using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace Scim.Benchmark;

/// <summary>A running service under test: one fresh tenant, created through the operator API, and its SCIM token.</summary>
public sealed class ScimTarget(HttpClient http, string tenant, string token, string adminKey)
{
    public string Tenant => tenant;

    /// <summary>A tenant set up as a customer's is; with <paramref name="mailTemporaryPasswords"/>, its users get temporary passwords by e-mail.</summary>
    public static async Task<ScimTarget> CreateTenantAsync(BenchmarkOptions options, string identityProvider, bool mailTemporaryPasswords = false)
    {
        var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 512, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
        {
            BaseAddress = options.Url,
            Timeout = TimeSpan.FromMinutes(5),
        };
        var tenant = "bench-" + Guid.NewGuid().ToString("N")[..10];
        // Set up as a customer's tenant is: the operator creates it, its owner and the connector; the owner activates it
        // and generates the token.
        var key = options.OperatorKey;
        await SendJsonAsync(http, HttpMethod.Post, "admin/v1/tenants", key, new { id = tenant, displayName = "Benchmark" });
        var platformGroupId = (await SendJsonAsync(http, HttpMethod.Get, $"admin/v1/tenants/{tenant}", key, null))["platformGroupId"]!.GetValue<string>();
        var email = $"owner@{tenant}.example";
        var owner = (await SendJsonAsync(http, HttpMethod.Post, $"admin/v1/tenants/{tenant}/users", key, new { email, role = "owner" }))["id"]!.GetValue<string>();
        await SendJsonAsync(http, HttpMethod.Put, $"admin/v1/tenants/{tenant}/connector", key, new { platformGroupId, connectorAdminEmail = email });
        var adminKey = (await SendJsonAsync(http, HttpMethod.Post, $"admin/v1/tenants/{tenant}/admin-keys", key, new { userId = owner }))["key"]!.GetValue<string>();
        await SendJsonAsync(http, HttpMethod.Post, $"api/v1/tenants/{tenant}/scim/activate", adminKey, null);
        if (mailTemporaryPasswords)
            await SendJsonAsync(http, HttpMethod.Put, $"api/v1/tenants/{tenant}/scim/settings", adminKey, new { identityProvider, sendTemporaryPasswordEmail = true });
        var token = (await SendJsonAsync(http, HttpMethod.Post, $"api/v1/tenants/{tenant}/scim/tokens", adminKey, new { identityProvider }))["token"]!.GetValue<string>();
        return new ScimTarget(http, tenant, token, adminKey);
    }

    private static async Task<JsonNode> SendJsonAsync(HttpClient http, HttpMethod method, string path, string bearer, object? body)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    /// <summary>Sends one request of the tenant admin API (under <c>api/v1/tenants/{tenant}/</c>) with the owner's admin key.</summary>
    public async Task<(HttpStatusCode Status, JsonNode? Body)> SendAdminAsync(HttpMethod method, string path, HttpContent? content = null)
    {
        using var request = new HttpRequestMessage(method, $"api/v1/tenants/{tenant}/{path}") { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", adminKey);
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, body.Length == 0 ? null : JsonNode.Parse(body));
    }

    /// <summary>Sends one SCIM request; returns the status, the body and how long it took.</summary>
    public async Task<(HttpStatusCode Status, string Body, TimeSpan Latency)> SendAsync(HttpMethod method, string path, string? json = null)
    {
        using var request = new HttpRequestMessage(method, $"scim/v2/{tenant}/{path}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (json is not null) request.Content = new StringContent(json, Encoding.UTF8, "application/scim+json");
        var started = Stopwatch.GetTimestamp();
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, body, Stopwatch.GetElapsedTime(started));
    }

    /// <summary>The path of a lookup of a user by userName, as every IdP sends one before it writes.</summary>
    public static string UserNameLookup(string userName) => $"Users?filter=userName%20eq%20%22{userName}%22";

    /// <summary>The path of a lookup of a group by displayName, as Entra sends one (without the members) before it writes.</summary>
    public static string GroupNameLookup(string displayName) => $"Groups?excludedAttributes=members&filter=displayName%20eq%20%22{displayName}%22";

    /// <summary>A user as IdPs send one: names, a work email, an externalId and the enterprise extension.</summary>
    public static string UserJson(string userName) =>
        $$$"""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],"userName":"{{{userName}}}","externalId":"x-{{{userName}}}","name":{"givenName":"Bench","familyName":"User"},"displayName":"Bench User","emails":[{"value":"{{{userName}}}@bench.example","type":"work","primary":true}],"active":true,"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"employeeNumber":"{{{userName}}}","department":"Engineering","costCenter":"CC-42"}}""";

    /// <summary>Entra's update of a changed user: replace operations on two attributes.</summary>
    public static string ReplaceTwoAttributesJson(int round) =>
        $$"""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"Replace","path":"displayName","value":"Bench User {{round}}"},{"op":"Replace","path":"name.givenName","value":"Bench {{round}}"}]}""";

    public static string AddMembersJson(IEnumerable<string> ids) =>
        $$"""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"add","path":"members","value":[{{string.Join(",", ids.Select(id => $$"""{"value":"{{id}}"}"""))}}]}]}""";
}
