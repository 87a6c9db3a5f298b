using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Scim.Api.Tests.Infrastructure;

/// <summary>
/// Clients of a running service's APIs (in process or a process of its own) and the set-up of test tenants through
/// them, as a customer's tenant is set up.
/// </summary>
public sealed class ServiceClients(Func<HttpClient> createClient, string operatorKey)
{
    public HttpClient Operator()
    {
        var client = createClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", operatorKey);
        return client;
    }

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
        var scim = new ScimClient(createClient(), tenant.Id, token) { AdminKey = tenant.AdminKey };
        if (!keepOwner) Assert.Equal(HttpStatusCode.NoContent, (await scim.DeleteAsync($"/Users/{tenant.OwnerId}")).Status);
        return scim;
    }

    /// <summary>
    /// A tenant set up as by <see cref="NewTenantAsync"/>, its owner kept, whose integration mails created users their
    /// temporary passwords (or, with <paramref name="sendTemporaryPassword"/> false, says so and mails none).
    /// </summary>
    public async Task<ScimClient> NewMailingTenantAsync(bool sendTemporaryPassword = true)
    {
        var scim = await NewTenantAsync(keepOwner: true);
        using var platform = PlatformAdmin(scim.AdminKey);
        var set = await platform.PutAsJsonAsync($"/api/v1/tenants/{scim.Tenant}/scim/settings",
            new { identityProvider = "okta", sendTemporaryPasswordEmail = sendTemporaryPassword });
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
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
        var client = createClient();
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
        var response = await admin.PostAsJsonAsync($"/api/v1/tenants/{tenant}/scim/tokens", new { identityProvider });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        return body["token"]!.GetValue<string>();
    }
}
