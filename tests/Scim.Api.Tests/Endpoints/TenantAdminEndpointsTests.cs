using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Scim.Api.Tests.Infrastructure;

namespace Scim.Api.Tests.Endpoints;

/// <summary>
/// A platform admin's SCIM page as an API (DESIGN §1, steps 2-3): settings, tokens with one active per identity
/// provider and overlapping rotation, activation, the endpoint URL and the provisioning log.
/// </summary>
/// <remarks>Runs once per storage backend: see the nested classes at the end.</remarks>
public abstract class TenantAdminEndpointsTests(ScimApiFactory factory)
{
    private static async Task<JsonNode> JsonAsync(HttpResponseMessage response) => JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

    private static string Api(string tenant, string path) => $"/api/v1/tenants/{tenant}/scim/{path}";

    private static async Task<JsonNode> IssueAsync(HttpClient platform, string tenant, object request)
    {
        var response = await platform.PostAsJsonAsync(Api(tenant, "tokens"), request);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await JsonAsync(response);
    }

    private static async Task<JsonNode> TokenInfoAsync(HttpClient platform, string tenant, string id) =>
        (await JsonAsync(await platform.GetAsync(Api(tenant, "tokens"))))["tokens"]!.AsArray().Single(t => t!["id"]!.GetValue<string>() == id)!;

    private async Task<HttpStatusCode> ScimStatusAsync(string tenant, string token) =>
        (await new ScimClient(factory.CreateClient(), tenant, token).GetAsync("/ServiceProviderConfig")).Status;

    [Fact]
    public async Task Settings_AreStoredAndShown_UnknownProvidersRefused()
    {
        var scim = await factory.NewTenantAsync(keepOwner: true);
        using var platform = factory.PlatformAdmin(scim.AdminKey);

        var initial = await JsonAsync(await platform.GetAsync(Api(scim.Tenant, "settings")));
        var put = await platform.PutAsJsonAsync(Api(scim.Tenant, "settings"), new { identityProvider = "okta", sendTemporaryPasswordEmail = true });
        var read = await JsonAsync(await platform.GetAsync(Api(scim.Tenant, "settings")));
        var bad = await platform.PutAsJsonAsync(Api(scim.Tenant, "settings"), new { identityProvider = "myspace" });

        Assert.False(initial["sendTemporaryPasswordEmail"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal("okta", read["identityProvider"]!.GetValue<string>());
        Assert.True(read["sendTemporaryPasswordEmail"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task ATokenIsShownOnce_ListsShowItsDetailsButNeverTheSecret()
    {
        var scim = await factory.NewTenantAsync(keepOwner: true);
        using var platform = factory.PlatformAdmin(scim.AdminKey);

        var issued = await IssueAsync(platform, scim.Tenant, new { identityProvider = "entra", name = "Entra production" });
        var token = issued["token"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.OK, await ScimStatusAsync(scim.Tenant, token));
        var listing = await platform.GetStringAsync(Api(scim.Tenant, "tokens"));
        var info = await TokenInfoAsync(platform, scim.Tenant, issued["id"]!.GetValue<string>());

        Assert.StartsWith("scim_", token);
        Assert.DoesNotContain(token[(token.IndexOf('.', StringComparison.Ordinal) + 1)..], listing);
        Assert.Null(info["token"]);
        Assert.Equal("Entra production", info["name"]!.GetValue<string>());
        Assert.Equal("entra", info["identityProvider"]!.GetValue<string>());
        Assert.Equal("active", info["state"]!.GetValue<string>());
        Assert.NotNull(info["created"]);
        Assert.NotNull(info["lastUsed"]);
        Assert.False(string.IsNullOrEmpty(info["createdBy"]!.GetValue<string>()));
    }

    [Fact]
    public async Task OnlyOneTokenPerIdentityProviderIsActive_ANewOneStopsThePreviousAtOnce()
    {
        var scim = await factory.NewTenantAsync(keepOwner: true);
        using var platform = factory.PlatformAdmin(scim.AdminKey);
        var first = await IssueAsync(platform, scim.Tenant, new { identityProvider = "okta" });
        var other = await IssueAsync(platform, scim.Tenant, new { identityProvider = "google" });
        Assert.Equal(HttpStatusCode.OK, await ScimStatusAsync(scim.Tenant, first["token"]!.GetValue<string>()));

        var second = await IssueAsync(platform, scim.Tenant, new { identityProvider = "okta", overlapMinutes = 0 });

        Assert.Equal(HttpStatusCode.Unauthorized, await ScimStatusAsync(scim.Tenant, first["token"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.Unauthorized, await ScimStatusAsync(scim.Tenant, scim.Token));
        Assert.Equal(HttpStatusCode.OK, await ScimStatusAsync(scim.Tenant, second["token"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.OK, await ScimStatusAsync(scim.Tenant, other["token"]!.GetValue<string>()));
        Assert.Equal("superseded", (await TokenInfoAsync(platform, scim.Tenant, first["id"]!.GetValue<string>()))["state"]!.GetValue<string>());
        Assert.Equal("active", (await TokenInfoAsync(platform, scim.Tenant, second["id"]!.GetValue<string>()))["state"]!.GetValue<string>());
    }

    [Fact]
    public async Task Rotation_WithOverlap_KeepsThePreviousTokenWorkingUntilTheOverlapEnds()
    {
        var scim = await factory.NewTenantAsync("jumpcloud", keepOwner: true);
        using var platform = factory.PlatformAdmin(scim.AdminKey);
        var firstId = (await JsonAsync(await platform.GetAsync(Api(scim.Tenant, "tokens"))))["tokens"]![0]!["id"]!.GetValue<string>();

        var second = await IssueAsync(platform, scim.Tenant, new { identityProvider = "jumpcloud", overlapMinutes = 30 });

        Assert.Equal(HttpStatusCode.OK, await ScimStatusAsync(scim.Tenant, scim.Token));
        var retiring = await TokenInfoAsync(platform, scim.Tenant, firstId);
        Assert.Equal("retiring", retiring["state"]!.GetValue<string>());
        var until = retiring["worksUntil"]!.GetValue<DateTimeOffset>();
        Assert.InRange(until - second["created"]!.GetValue<DateTimeOffset>(), TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(30));
        factory.Clock.Advance(TimeSpan.FromMinutes(31));
        Assert.Equal(HttpStatusCode.Unauthorized, await ScimStatusAsync(scim.Tenant, scim.Token));
        Assert.Equal(HttpStatusCode.OK, await ScimStatusAsync(scim.Tenant, second["token"]!.GetValue<string>()));
        Assert.Equal("superseded", (await TokenInfoAsync(platform, scim.Tenant, firstId))["state"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(1441, "x")]
    [InlineData(-1, "x")]
    [InlineData(0, null)]
    public async Task BadTokenRequests_Are400(int overlapMinutes, string? name)
    {
        var scim = await factory.NewTenantAsync(keepOwner: true);
        using var platform = factory.PlatformAdmin(scim.AdminKey);

        var response = await platform.PostAsJsonAsync(Api(scim.Tenant, "tokens"),
            new { identityProvider = name is null ? "friendster" : "okta", name = name ?? "n", overlapMinutes });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("urn:ietf:params:scim:api:messages:2.0:Error", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Revocation_StopsATokenAtOnce()
    {
        var scim = await factory.NewTenantAsync(keepOwner: true);
        using var platform = factory.PlatformAdmin(scim.AdminKey);
        var issued = await IssueAsync(platform, scim.Tenant, new { identityProvider = "onelogin" });
        var id = issued["id"]!.GetValue<string>();

        Assert.Equal(HttpStatusCode.NoContent, (await platform.DeleteAsync(Api(scim.Tenant, $"tokens/{id}"))).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, await ScimStatusAsync(scim.Tenant, issued["token"]!.GetValue<string>()));
        Assert.Equal("revoked", (await TokenInfoAsync(platform, scim.Tenant, id))["state"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, (await platform.DeleteAsync(Api(scim.Tenant, "tokens/nope"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, await ScimStatusAsync(scim.Tenant, scim.Token));
    }

    [Fact]
    public async Task Endpoint_IsTheTenantsScimBase_NeverTakenFromRequestHeaders()
    {
        var scim = await factory.NewTenantAsync(keepOwner: true);
        using var platform = factory.PlatformAdmin(scim.AdminKey);
        using var request = new HttpRequestMessage(HttpMethod.Get, Api(scim.Tenant, "endpoint"));
        request.Headers.Host = "evil.example";
        request.Headers.Add("X-Forwarded-Host", "evil.example");

        var url = (await JsonAsync(await platform.SendAsync(request)))["url"]!.GetValue<string>();

        Assert.EndsWith($"/scim/v2/{scim.Tenant}", url);
        Assert.DoesNotContain("evil", url);
        Assert.True(Uri.IsWellFormedUriString(url, UriKind.Absolute));
    }

    [Collection(InMemoryCollection.Name)]
    public sealed class InMemory(InMemoryApiFactory factory) : TenantAdminEndpointsTests(factory);

    [Collection(PostgresCollection.Name)]
    public sealed class Postgres(PostgresApiFactory factory) : TenantAdminEndpointsTests(factory);
}
