using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Scim.Api.Tests.Infrastructure;

/// <summary>
/// The whole service (silo and API) in process, on free Orleans ports, shared by the HTTP tests of one storage
/// backend. Tests isolate themselves by creating their own tenant. Each backend is a subclass; settings go through
/// the host's configuration, never the process environment, so both backends run side by side.
/// </summary>
public abstract class ScimApiFactory : WebApplicationFactory<Program>
{
    public const string OperatorKey = "test-operator-key-0123456789abcdef";

    /// <summary>The one tenant with a tiny rate limit (1 call/s, burst 5), for the rate-limit tests.</summary>
    public const string ThrottledTenant = "throttled";

    /// <summary>Another tenant with the same tiny limit, so the rate-limit tests do not share a bucket.</summary>
    public const string ThrottledTenantForStrangers = "throttled-strangers";

    /// <summary>The storage backend, as test output shows it.</summary>
    public abstract string Backend { get; }

    protected virtual IEnumerable<KeyValuePair<string, string>> BackendSettings() => [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Orleans:SiloPort", FreePort());
        builder.UseSetting("Orleans:GatewayPort", FreePort());
        builder.UseSetting("Scim:OperatorKey", OperatorKey);
        builder.UseSetting("Scim:DemoTenant", "-");
        builder.UseSetting("Scim:MaxRequestBytes", "65536");
        foreach (var tenant in new[] { ThrottledTenant, ThrottledTenantForStrangers })
        {
            builder.UseSetting($"Scim:RateLimits:Tenants:{tenant}:PermitsPerSecond", "1");
            builder.UseSetting($"Scim:RateLimits:Tenants:{tenant}:Burst", "5");
        }
        foreach (var (key, value) in BackendSettings()) builder.UseSetting(key, value);
    }

    public HttpClient Operator()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", OperatorKey);
        return client;
    }

    /// <summary>The operator's group admin API for a tenant.</summary>
    public GroupAdminClient GroupAdmin(string tenant) => new(Operator(), tenant);

    /// <summary>Creates a fresh tenant and a token for it; returns a client bound to the tenant's SCIM base.</summary>
    public async Task<ScimClient> NewTenantAsync(string identityProvider = "okta", string? id = null)
    {
        var tenant = id ?? "t-" + Guid.NewGuid().ToString("N")[..12];
        using var admin = Operator();
        (await admin.PostAsJsonAsync("/admin/v1/tenants", new { id = tenant, displayName = "Test" })).EnsureSuccessStatusCode();
        var token = await IssueTokenAsync(tenant, identityProvider);
        return new ScimClient(CreateClient(), tenant, token);
    }

    public async Task<string> IssueTokenAsync(string tenant, string identityProvider)
    {
        using var admin = Operator();
        var response = await admin.PostAsJsonAsync($"/admin/v1/tenants/{tenant}/tokens", new { identityProvider });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        return body["token"]!.GetValue<string>();
    }

    private static string FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port.ToString(CultureInfo.InvariantCulture);
    }
}
