using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Scim.Api.Tests.Infrastructure;

namespace Scim.Api.Tests.Endpoints;

/// <remarks>Runs once per storage backend: see the nested classes at the end.</remarks>
public abstract class OperatorTenantEndpointsTests(ScimApiFactory factory)
{
    [Fact]
    public async Task CreateTenant_Returns201_ThenDuplicateReturns409()
    {
        using var admin = factory.Operator();
        var id = "acme-" + Guid.NewGuid().ToString("N")[..8];

        var created = await admin.PostAsJsonAsync("/admin/v1/tenants", new { id, displayName = "Acme" });
        var again = await admin.PostAsJsonAsync("/admin/v1/tenants", new { id, displayName = "Acme" });
        var read = JsonNode.Parse(await admin.GetStringAsync($"/admin/v1/tenants/{id}"))!;

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("Acme", read["displayName"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("Acme")]
    [InlineData("acme_corp")]
    [InlineData("-acme")]
    [InlineData("")]
    [InlineData("a/b")]
    public async Task CreateTenant_InvalidId_Returns400(string id)
    {
        using var admin = factory.Operator();

        var response = await admin.PostAsJsonAsync("/admin/v1/tenants", new { id });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task CreateTenant_MalformedJson_Returns400()
    {
        using var admin = factory.Operator();

        var response = await admin.PostAsync("/admin/v1/tenants", new StringContent("{\"id\":", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-key")]
    public async Task AdminApi_WithoutTheOperatorKey_Returns401(string? key)
    {
        using var client = factory.CreateClient();
        if (key is not null) client.DefaultRequestHeaders.Authorization = new("Bearer", key);

        var response = await client.PostAsJsonAsync("/admin/v1/tenants", new { id = "sneaky" });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task ScimToken_DoesNotOpenTheAdminApi()
    {
        var scim = await factory.NewTenantAsync();
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", scim.Token);

        var response = await client.PostAsJsonAsync($"/api/v1/tenants/{scim.Tenant}/scim/tokens", new { identityProvider = "okta" });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task IssueToken_OnTheTenantAdminRoute_ReturnsTheSecretOnce_WithAtLeast256Bits_CreatedByTheOperator()
    {
        var scim = await factory.NewTenantAsync();
        using var admin = factory.Operator();

        var response = await admin.PostAsJsonAsync($"/api/v1/tenants/{scim.Tenant}/scim/tokens", new { identityProvider = "entra" });
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var secret = body["token"]!.GetValue<string>().Split('.')[1];

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("entra", body["identityProvider"]!.GetValue<string>());
        Assert.Equal("operator", body["createdBy"]!.GetValue<string>());
        Assert.True(Convert.FromBase64String(secret.Replace('-', '+').Replace('_', '/') + "=").Length >= 32);
    }

    [Theory]
    [InlineData("azure")]
    [InlineData("")]
    public async Task IssueToken_UnknownIdentityProvider_Returns400(string provider)
    {
        var scim = await factory.NewTenantAsync();
        using var admin = factory.Operator();

        var response = await admin.PostAsJsonAsync($"/api/v1/tenants/{scim.Tenant}/scim/tokens", new { identityProvider = provider });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task IssueOrRevoke_OnUnknownTenantOrToken_Returns404()
    {
        var scim = await factory.NewTenantAsync();
        using var admin = factory.Operator();

        var issue = await admin.PostAsJsonAsync("/api/v1/tenants/no-such-tenant/scim/tokens", new { identityProvider = "okta" });
        var revoke = await admin.DeleteAsync($"/api/v1/tenants/{scim.Tenant}/scim/tokens/nope");

        Assert.Equal(HttpStatusCode.NotFound, issue.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, revoke.StatusCode);
    }

    [Collection(InMemoryCollection.Name)]
    public sealed class InMemory(InMemoryApiFactory factory) : OperatorTenantEndpointsTests(factory);

    [Collection(PostgresCollection.Name)]
    public sealed class Postgres(PostgresApiFactory factory) : OperatorTenantEndpointsTests(factory);
}
