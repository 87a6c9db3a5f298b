using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Scim.Api.Tests.Infrastructure;

namespace Scim.Api.Tests.Endpoints;

/// <summary>
/// The operator's part of the connector (DESIGN §1, step 1): platform users and roles, enabling the connector, admin
/// keys; and the activation gate every SCIM call passes.
/// </summary>
/// <remarks>Runs once per storage backend: see the nested classes at the end.</remarks>
public abstract class ConnectorSetupTests(ScimApiFactory factory)
{
    private static async Task<JsonNode> JsonAsync(HttpResponseMessage response) => JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

    private static async Task AssertScimErrorAsync(HttpResponseMessage response, HttpStatusCode status, string detailPart)
    {
        Assert.Equal(status, response.StatusCode);
        var body = await JsonAsync(response);
        Assert.Equal("urn:ietf:params:scim:api:messages:2.0:Error", body["schemas"]![0]!.GetValue<string>());
        Assert.Contains(detailPart, body["detail"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
    }

    private async Task<string> CreateUserAsync(string tenant, string email, string role)
    {
        using var admin = factory.Operator();
        var created = await admin.PostAsJsonAsync($"/admin/v1/tenants/{tenant}/users", new { email, role });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await JsonAsync(created))["id"]!.GetValue<string>();
    }

    private async Task<string> RoleOfAsync(string tenant, string userId)
    {
        using var admin = factory.Operator();
        return (await JsonAsync(await admin.GetAsync($"/admin/v1/tenants/{tenant}/users/{userId}")))["role"]!.GetValue<string>();
    }

    [Fact]
    public async Task PlatformUsers_HaveRoles_TheOperatorChangesThem_ScimNeverDoes()
    {
        var scim = await factory.NewTenantAsync();
        using var admin = factory.Operator();
        var adminUser = await CreateUserAsync(scim.Tenant, "ada@example.com", "admin");
        var scimUser = await scim.CreateUserAsync("learner@example.com");

        Assert.Equal("admin", await RoleOfAsync(scim.Tenant, adminUser));
        Assert.Equal("user", await RoleOfAsync(scim.Tenant, scimUser));
        Assert.Equal(HttpStatusCode.OK, (await scim.PutAsync($"/Users/{adminUser}", """{"userName":"ada@example.com","roles":[{"value":"owner"}],"active":false}""")).Status);
        Assert.Equal(HttpStatusCode.OK, (await scim.PatchAsync($"/Users/{adminUser}",
            """{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","value":{"displayName":"Ada"}}]}""")).Status);
        Assert.Equal("admin", await RoleOfAsync(scim.Tenant, adminUser));

        var promoted = await admin.PutAsJsonAsync($"/admin/v1/tenants/{scim.Tenant}/users/{scimUser}/role", new { role = "owner" });
        Assert.Equal(HttpStatusCode.OK, promoted.StatusCode);
        Assert.Equal("owner", await RoleOfAsync(scim.Tenant, scimUser));
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PutAsJsonAsync($"/admin/v1/tenants/{scim.Tenant}/users/{scimUser}/role", new { role = "king" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PutAsJsonAsync($"/admin/v1/tenants/{scim.Tenant}/users/{Guid.NewGuid()}/role", new { role = "admin" })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsJsonAsync($"/admin/v1/tenants/{scim.Tenant}/users", new { email = "ADA@example.com", role = "user" })).StatusCode);
    }

    [Fact]
    public async Task EnablingTheConnector_NeedsThePlatformGroup()
    {
        var tenant = await factory.NewInactiveTenantAsync();
        using var admin = factory.Operator();

        var response = await admin.PutAsJsonAsync($"/admin/v1/tenants/{tenant.Id}/connector",
            new { platformGroupId = Guid.NewGuid().ToString(), connectorAdminEmail = tenant.OwnerEmail });

        await AssertScimErrorAsync(response, HttpStatusCode.BadRequest, "platform group");
    }

    [Theory]
    [InlineData("user")]
    [InlineData(null)]
    public async Task EnablingTheConnector_NeedsTheEmailOfAnAdminOrTheOwner(string? role)
    {
        var tenant = await factory.NewInactiveTenantAsync();
        using var admin = factory.Operator();
        var platformGroupId = (await JsonAsync(await admin.GetAsync($"/admin/v1/tenants/{tenant.Id}")))["platformGroupId"]!.GetValue<string>();
        if (role is not null) await CreateUserAsync(tenant.Id, "plain@example.com", role);

        var refused = await admin.PutAsJsonAsync($"/admin/v1/tenants/{tenant.Id}/connector", new { platformGroupId, connectorAdminEmail = "plain@example.com" });
        await AssertScimErrorAsync(refused, HttpStatusCode.BadRequest, "admin or owner");

        await CreateUserAsync(tenant.Id, "boss@example.com", "admin");
        var enabled = await admin.PutAsJsonAsync($"/admin/v1/tenants/{tenant.Id}/connector", new { platformGroupId, connectorAdminEmail = "BOSS@example.com" });
        Assert.Equal(HttpStatusCode.OK, enabled.StatusCode);
        var connector = await JsonAsync(await admin.GetAsync($"/admin/v1/tenants/{tenant.Id}/connector"));
        Assert.True(connector["enabled"]!.GetValue<bool>());
        Assert.Equal("BOSS@example.com", connector["connectorAdminEmail"]!.GetValue<string>());
    }

    [Fact]
    public async Task ScimCalls_Get403_UntilActivated_AndAgainAfterDeactivation()
    {
        var tenant = await factory.NewInactiveTenantAsync();
        using var platform = factory.PlatformAdmin(tenant.AdminKey);
        var token = (await JsonAsync(await platform.PostAsJsonAsync($"/api/v1/tenants/{tenant.Id}/scim/tokens", new { identityProvider = "okta" })))["token"]!
            .GetValue<string>();
        var scim = new ScimClient(factory.CreateClient(), tenant.Id, token);

        var before = await scim.GetAsync("/Users");
        before.AssertError(HttpStatusCode.Forbidden, null);
        Assert.Contains("not active", before.Body!["detail"]!.GetValue<string>());
        var activated = await platform.PostAsync($"/api/v1/tenants/{tenant.Id}/scim/activate", null);
        Assert.True((await JsonAsync(activated))["active"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.OK, (await scim.GetAsync("/Users")).Status);
        Assert.Equal(HttpStatusCode.OK, (await platform.PostAsync($"/api/v1/tenants/{tenant.Id}/scim/deactivate", null)).StatusCode);
        (await scim.PostAsync("/Users", """{"userName":"late"}""")).AssertError(HttpStatusCode.Forbidden, null);
        (await scim.GetAsync("/Users", bearer: "scim_nope.nope")).AssertError(HttpStatusCode.Unauthorized, null);
    }

    [Fact]
    public async Task Activation_BeforeTheOperatorEnabledTheConnector_Is409()
    {
        using var admin = factory.Operator();
        var tenant = "t-" + Guid.NewGuid().ToString("N")[..12];
        (await admin.PostAsJsonAsync("/admin/v1/tenants", new { id = tenant })).EnsureSuccessStatusCode();
        var owner = await CreateUserAsync(tenant, "owner@example.com", "owner");
        var key = (await JsonAsync(await admin.PostAsJsonAsync($"/admin/v1/tenants/{tenant}/admin-keys", new { userId = owner })))["key"]!.GetValue<string>();
        using var platform = factory.PlatformAdmin(key);

        await AssertScimErrorAsync(await platform.PostAsync($"/api/v1/tenants/{tenant}/scim/activate", null), HttpStatusCode.Conflict, "not enabled");
    }

    [Fact]
    public async Task AdminKeys_AreForAdminsAndOwners_ShownOnce_Revocable()
    {
        var tenant = await factory.NewInactiveTenantAsync();
        using var admin = factory.Operator();
        var plain = await CreateUserAsync(tenant.Id, "plain@example.com", "user");
        var secondAdmin = await CreateUserAsync(tenant.Id, "second@example.com", "admin");

        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsJsonAsync($"/admin/v1/tenants/{tenant.Id}/admin-keys", new { userId = plain })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsJsonAsync($"/admin/v1/tenants/{tenant.Id}/admin-keys", new { userId = Guid.NewGuid() })).StatusCode);
        var issued = await JsonAsync(await admin.PostAsJsonAsync($"/admin/v1/tenants/{tenant.Id}/admin-keys", new { userId = secondAdmin }));
        var key = issued["key"]!.GetValue<string>();
        using var platform = factory.PlatformAdmin(key);
        Assert.Equal(HttpStatusCode.OK, (await platform.GetAsync($"/api/v1/tenants/{tenant.Id}/scim/settings")).StatusCode);
        var listing = await admin.GetStringAsync($"/admin/v1/tenants/{tenant.Id}/admin-keys");
        Assert.Contains(issued["id"]!.GetValue<string>(), listing);
        Assert.DoesNotContain(key[(key.IndexOf('.', StringComparison.Ordinal) + 1)..], listing);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/admin/v1/tenants/{tenant.Id}/admin-keys/{issued["id"]}")).StatusCode);
        await AssertScimErrorAsync(await platform.GetAsync($"/api/v1/tenants/{tenant.Id}/scim/settings"), HttpStatusCode.Unauthorized, "admin key");
    }

    [Fact]
    public async Task AnAdminKey_StopsWorking_WhenItsUserIsDemoted()
    {
        var tenant = await factory.NewInactiveTenantAsync();
        using var admin = factory.Operator();
        using var platform = factory.PlatformAdmin(tenant.AdminKey);
        Assert.Equal(HttpStatusCode.OK, (await platform.GetAsync($"/api/v1/tenants/{tenant.Id}/scim/settings")).StatusCode);

        await admin.PutAsJsonAsync($"/admin/v1/tenants/{tenant.Id}/users/{tenant.OwnerId}/role", new { role = "user" });

        Assert.Equal(HttpStatusCode.Unauthorized, (await platform.GetAsync($"/api/v1/tenants/{tenant.Id}/scim/settings")).StatusCode);
    }

    [Fact]
    public async Task AnotherTenantsAdminKey_Gets404_AWrongOne401_WhileTheOperatorKeyActsForAnyTenant()
    {
        var mine = await factory.NewInactiveTenantAsync();
        var theirs = await factory.NewInactiveTenantAsync();
        using var foreign = factory.PlatformAdmin(theirs.AdminKey);
        using var forged = factory.PlatformAdmin(mine.AdminKey[..^4] + "abcd");
        using var operatorKey = factory.Operator();

        foreach (var path in new[] { "settings", "tokens", "log", "endpoint" })
            await AssertScimErrorAsync(await foreign.GetAsync($"/api/v1/tenants/{mine.Id}/scim/{path}"), HttpStatusCode.NotFound, "not found");
        await AssertScimErrorAsync(await foreign.PostAsync($"/api/v1/tenants/{mine.Id}/scim/activate", null), HttpStatusCode.NotFound, "not found");
        Assert.Equal(HttpStatusCode.Unauthorized, (await forged.GetAsync($"/api/v1/tenants/{mine.Id}/scim/settings")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await operatorKey.GetAsync($"/api/v1/tenants/{mine.Id}/scim/settings")).StatusCode);
        await AssertScimErrorAsync(await operatorKey.GetAsync("/api/v1/tenants/no-such-tenant/scim/settings"), HttpStatusCode.NotFound, "not found");
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().GetAsync($"/api/v1/tenants/{mine.Id}/scim/settings")).StatusCode);
    }

    [Collection(InMemoryCollection.Name)]
    public sealed class InMemory(InMemoryApiFactory factory) : ConnectorSetupTests(factory);

    [Collection(PostgresCollection.Name)]
    public sealed class Postgres(PostgresApiFactory factory) : ConnectorSetupTests(factory);
}
