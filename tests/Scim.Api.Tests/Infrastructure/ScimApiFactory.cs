using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Scim.Api.Tests.Infrastructure;

/// <summary>
/// The whole service (silo and API) in process, on free Orleans ports, shared by every HTTP test. Tests isolate
/// themselves by creating their own tenant.
/// </summary>
public sealed class ScimApiFactory : WebApplicationFactory<Program>
{
    public const string OperatorKey = "test-operator-key-0123456789abcdef";

    public ScimApiFactory()
    {
        // Orleans reads its ports while the host is being built, so they are set in the environment first.
        Environment.SetEnvironmentVariable("Orleans__SiloPort", FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture));
        Environment.SetEnvironmentVariable("Orleans__GatewayPort", FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture));
        Environment.SetEnvironmentVariable("Scim__OperatorKey", OperatorKey);
        Environment.SetEnvironmentVariable("Scim__DemoTenant", "-");
        Environment.SetEnvironmentVariable("Scim__MaxRequestBytes", "65536");
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder) => builder.UseEnvironment("Development");

    public HttpClient Operator()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", OperatorKey);
        return client;
    }

    /// <summary>Creates a fresh tenant and a token for it; returns a client bound to the tenant's SCIM base.</summary>
    public async Task<ScimClient> NewTenantAsync(string identityProvider = "okta")
    {
        var tenant = "t-" + Guid.NewGuid().ToString("N")[..12];
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

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
