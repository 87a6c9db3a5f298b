using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Scim.Api.Tests.Infrastructure;

namespace Scim.Api.Tests.SingleSignOn;

/// <summary>
/// A tenant's single sign-on settings through the platform admin API: what is checked before they are stored, that
/// the client secret is never shown again, and who may change them.
/// </summary>
public abstract class SsoSettingsApiTests(ScimApiFactory factory)
{
    private const string Secret = "the-client-secret-0123456789";

    private static string Api(string tenant) => $"/api/v1/tenants/{tenant}/sso";

    private static object Settings(object? overrides = null)
    {
        var settings = new JsonObject
        {
            ["issuer"] = "https://login.example.com/tenant-a/v2.0", ["clientId"] = "platform-app", ["clientSecret"] = Secret, ["claim"] = "email",
        };
        if (overrides is not null)
            foreach (var (key, value) in JsonSerializerNode(overrides)) settings[key] = value?.DeepClone();
        return settings;
    }

    private static JsonObject JsonSerializerNode(object value) => System.Text.Json.JsonSerializer.SerializeToNode(value)!.AsObject();

    [Fact]
    public async Task Settings_AreStored_ShownWithoutTheSecret_AndTheSecretIsKeptWhenNoneIsSent()
    {
        var scim = await factory.NewTenantAsync(keepOwner: true);
        using var admin = factory.PlatformAdmin(scim.AdminKey);

        var before = JsonNode.Parse(await admin.GetStringAsync(Api(scim.Tenant)))!;
        var saved = await admin.PutAsJsonAsync(Api(scim.Tenant), Settings(new { allowedEmailDomains = new[] { "@School.example" } }));
        var savedText = await saved.Content.ReadAsStringAsync();
        var renamed = await admin.PutAsJsonAsync(Api(scim.Tenant), new
        {
            issuer = "https://login.example.com/tenant-a/v2.0/.well-known/openid-configuration", clientId = "platform-app", claim = "oid", displayName = "Entra ID",
        });
        var read = await admin.GetStringAsync(Api(scim.Tenant));
        var view = JsonNode.Parse(read)!;

        Assert.False(before["configured"]!.GetValue<bool>());
        Assert.Equal($"https://scim.test.example/t/{scim.Tenant}/signin-oidc", before["redirectUri"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.DoesNotContain(Secret, savedText);
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        Assert.DoesNotContain(Secret, read);
        Assert.True(view["clientSecretSet"]!.GetValue<bool>());
        Assert.Equal("https://login.example.com/tenant-a/v2.0", view["issuer"]!.GetValue<string>());
        Assert.Equal("oid", view["claim"]!.GetValue<string>());
        Assert.Equal("externalId", view["matchAttribute"]!.GetValue<string>());
        Assert.Equal("Entra ID", view["displayName"]!.GetValue<string>());
        Assert.Empty(view["allowedEmailDomains"]!.AsArray());
        Assert.False(view["verified"]!.GetValue<bool>());
        Assert.Equal(2, view["version"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("issuer", "http://login.example.com")]
    [InlineData("issuer", "not a url")]
    [InlineData("issuer", "https://login.example.com/?tenant=a")]
    [InlineData("issuer", "")]
    [InlineData("clientId", "")]
    [InlineData("claim", "e mail")]
    [InlineData("matchAttribute", "phoneNumber")]
    public async Task BadSettings_AreRefusedWithAScimError(string field, string value)
    {
        var scim = await factory.NewTenantAsync(keepOwner: true);
        using var admin = factory.PlatformAdmin(scim.AdminKey);
        var settings = (JsonObject)Settings();
        settings[field] = value;

        var response = await admin.PutAsJsonAsync(Api(scim.Tenant), settings);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var after = JsonNode.Parse(await admin.GetStringAsync(Api(scim.Tenant)))!;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalidValue", body["scimType"]!.GetValue<string>());
        Assert.False(after["configured"]!.GetValue<bool>());
    }

    [Fact]
    public async Task AFirstSaveWithoutASecret_ABadDomain_AndSsoOnlyBeforeATest_AreRefused()
    {
        var scim = await factory.NewTenantAsync(keepOwner: true);
        using var admin = factory.PlatformAdmin(scim.AdminKey);

        var noSecret = await admin.PutAsJsonAsync(Api(scim.Tenant), new { issuer = "https://login.example.com", clientId = "app" });
        var badDomain = await admin.PutAsJsonAsync(Api(scim.Tenant), Settings(new { allowedEmailDomains = new[] { "not a domain" } }));
        var ssoOnly = await admin.PutAsJsonAsync(Api(scim.Tenant), Settings(new { ssoOnly = true }));
        var tooLong = await admin.PutAsJsonAsync(Api(scim.Tenant), Settings(new { clientSecret = new string('s', 2000) }));

        Assert.Equal(HttpStatusCode.BadRequest, noSecret.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badDomain.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, ssoOnly.StatusCode);
        Assert.Contains("test sign-in", await ssoOnly.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
    }

    [Fact]
    public async Task OnlyTheTenantsAdminsAndTheOperator_ReadOrChangeTheSettings()
    {
        var scim = await factory.NewTenantAsync(keepOwner: true);
        var other = await factory.NewTenantAsync(keepOwner: true);
        using var anonymous = factory.CreateClient();
        using var stranger = factory.PlatformAdmin(other.AdminKey);
        using var provisioner = factory.PlatformAdmin(scim.Token);
        using var operatorClient = factory.Operator();

        var none = await anonymous.PutAsJsonAsync(Api(scim.Tenant), Settings());
        var otherTenant = await stranger.PutAsJsonAsync(Api(scim.Tenant), Settings());
        var untouched = JsonNode.Parse(await operatorClient.GetStringAsync(Api(scim.Tenant)))!;
        var scimToken = await provisioner.GetAsync(Api(scim.Tenant));
        var byOperator = await operatorClient.PutAsJsonAsync(Api(scim.Tenant), Settings());
        var removed = await operatorClient.DeleteAsync(Api(scim.Tenant));
        var after = JsonNode.Parse(await operatorClient.GetStringAsync(Api(scim.Tenant)))!;

        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        // Another tenant's key does not name this tenant: its routes do not exist for it.
        Assert.Equal(HttpStatusCode.NotFound, otherTenant.StatusCode);
        Assert.False(untouched["configured"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.Unauthorized, scimToken.StatusCode);
        Assert.Equal(HttpStatusCode.OK, byOperator.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        Assert.False(after["configured"]!.GetValue<bool>());
    }

    [Collection(InMemoryCollection.Name)]
    public sealed class InMemory(InMemoryApiFactory factory) : SsoSettingsApiTests(factory);

    [Collection(PostgresCollection.Name)]
    public sealed class Postgres(PostgresApiFactory factory) : SsoSettingsApiTests(factory);
}
