using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace Scim.Benchmark;

/// <summary>A running service under test: one fresh tenant, created through the operator API, and its SCIM token.</summary>
public sealed class ScimTarget(HttpClient http, string tenant, string token)
{
    public string Tenant => tenant;

    public static async Task<ScimTarget> CreateTenantAsync(BenchmarkOptions options, string identityProvider)
    {
        var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 512, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
        {
            BaseAddress = options.Url,
            Timeout = TimeSpan.FromMinutes(5),
        };
        var tenant = "bench-" + Guid.NewGuid().ToString("N")[..10];
        using var create = new HttpRequestMessage(HttpMethod.Post, "admin/v1/tenants") { Content = JsonContent.Create(new { id = tenant, displayName = "Benchmark" }) };
        create.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.OperatorKey);
        (await http.SendAsync(create)).EnsureSuccessStatusCode();
        using var issue = new HttpRequestMessage(HttpMethod.Post, $"admin/v1/tenants/{tenant}/tokens") { Content = JsonContent.Create(new { identityProvider }) };
        issue.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.OperatorKey);
        using var issued = await http.SendAsync(issue);
        issued.EnsureSuccessStatusCode();
        var token = JsonNode.Parse(await issued.Content.ReadAsStringAsync())!["token"]!.GetValue<string>();
        return new ScimTarget(http, tenant, token);
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

    public static string UserJson(string userName) =>
        $$"""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"{{userName}}","name":{"givenName":"Bench","familyName":"User"},"emails":[{"value":"{{userName}}@bench.example","type":"work","primary":true}],"active":true}""";

    public static string AddMembersJson(IEnumerable<string> ids) =>
        $$"""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"add","path":"members","value":[{{string.Join(",", ids.Select(id => $$"""{"value":"{{id}}"}"""))}}]}]}""";
}
