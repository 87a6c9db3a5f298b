using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

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

    /// <summary>How many days the provisioning log keeps entries here (not the default 30, so tests see the setting read).</summary>
    public const int LogRetentionDays = 7;

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
        builder.UseSetting("Scim:ProvisioningLog:RetentionDays", LogRetentionDays.ToString(CultureInfo.InvariantCulture));
        foreach (var tenant in new[] { ThrottledTenant, ThrottledTenantForStrangers })
        {
            builder.UseSetting($"Scim:RateLimits:Tenants:{tenant}:PermitsPerSecond", "1");
            builder.UseSetting($"Scim:RateLimits:Tenants:{tenant}:Burst", "5");
        }
        foreach (var (key, value) in BackendSettings()) builder.UseSetting(key, value);
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
        });
    }

    public HttpClient Operator()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", OperatorKey);
        return client;
    }

    /// <summary>The operator's group admin API for a tenant.</summary>
    public GroupAdminClient GroupAdmin(string tenant) => new(Operator(), tenant);

    /// <summary>The clock of the service: the system's, moved forward by tests that need time to pass (token overlaps).</summary>
    public ShiftedClock Clock { get; } = new();

    /// <summary>
    /// Sets up a fresh tenant as a customer's is set up (DESIGN §1): the operator creates it and its owner and enables the
    /// connector; the owner, with an admin key, activates the integration and generates a token. Returns a client bound
    /// to the tenant's SCIM base, carrying the owner's admin key. Unless <paramref name="keepOwner"/>, the owner is then
    /// deleted (over SCIM), so that the tenant's users are the test's own; its admin key then no longer works.
    /// </summary>
    public async Task<ScimClient> NewTenantAsync(string identityProvider = "okta", string? id = null, bool keepOwner = false)
    {
        var tenant = await NewInactiveTenantAsync(id);
        using var platform = PlatformAdmin(tenant.AdminKey);
        (await platform.PostAsync($"/api/v1/tenants/{tenant.Id}/scim/activate", null)).EnsureSuccessStatusCode();
        var issued = await platform.PostAsJsonAsync($"/api/v1/tenants/{tenant.Id}/scim/tokens", new { identityProvider });
        Assert.Equal(HttpStatusCode.Created, issued.StatusCode);
        var token = JsonNode.Parse(await issued.Content.ReadAsStringAsync())!["token"]!.GetValue<string>();
        var scim = new ScimClient(CreateClient(), tenant.Id, token) { AdminKey = tenant.AdminKey };
        if (!keepOwner) Assert.Equal(HttpStatusCode.NoContent, (await scim.DeleteAsync($"/Users/{tenant.OwnerId}")).Status);
        return scim;
    }

    /// <summary>A tenant with its owner and the connector enabled, not yet activated; its owner's id, e-mail and admin key.</summary>
    public async Task<(string Id, string OwnerId, string OwnerEmail, string AdminKey)> NewInactiveTenantAsync(string? id = null)
    {
        var tenant = id ?? "t-" + Guid.NewGuid().ToString("N")[..12];
        using var admin = Operator();
        (await admin.PostAsJsonAsync("/admin/v1/tenants", new { id = tenant, displayName = "Test" })).EnsureSuccessStatusCode();
        var platformGroupId = (await GetJsonAsync(admin, $"/admin/v1/tenants/{tenant}"))["platformGroupId"]!.GetValue<string>();
        var email = $"owner@{tenant}.example";
        var owner = await admin.PostAsJsonAsync($"/admin/v1/tenants/{tenant}/users", new { email, role = "owner" });
        Assert.Equal(HttpStatusCode.Created, owner.StatusCode);
        var ownerId = JsonNode.Parse(await owner.Content.ReadAsStringAsync())!["id"]!.GetValue<string>();
        (await admin.PutAsJsonAsync($"/admin/v1/tenants/{tenant}/connector", new { platformGroupId, connectorAdminEmail = email })).EnsureSuccessStatusCode();
        var key = await admin.PostAsJsonAsync($"/admin/v1/tenants/{tenant}/admin-keys", new { userId = ownerId });
        Assert.Equal(HttpStatusCode.Created, key.StatusCode);
        return (tenant, ownerId, email, JsonNode.Parse(await key.Content.ReadAsStringAsync())!["key"]!.GetValue<string>());
    }

    /// <summary>A client of the platform admin API with an admin key.</summary>
    public HttpClient PlatformAdmin(string adminKey)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", adminKey);
        return client;
    }

    private static async Task<JsonNode> GetJsonAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
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
