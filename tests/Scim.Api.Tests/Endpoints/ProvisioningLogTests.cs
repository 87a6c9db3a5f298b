using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Scim.Api.ProvisioningLog;
using Scim.Grains.Interfaces.Platform;
using System.Text.Json.Nodes;
using Scim.Api.Tests.Infrastructure;
using static Scim.Api.Tests.Infrastructure.ScimMessages;

namespace Scim.Api.Tests.Endpoints;

/// <summary>
/// The provisioning log: every SCIM request of the tenant with a valid token (time, token, method, path, status,
/// resource, names of the attributes set; never values), paged and filtered, trimmed to the retention.
/// </summary>
/// <remarks>Runs once per storage backend: see the nested classes at the end.</remarks>
public abstract class ProvisioningLogTests(ScimApiFactory factory)
{
    private const string Secret = "Sup3r-Secret-Passw0rd";

    /// <summary>Reads the log until it holds at least <paramref name="count"/> entries for the query (the writer stores them moments after the requests).</summary>
    private static async Task<JsonArray> LogAsync(HttpClient platform, string tenant, string query, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var page = JsonNode.Parse(await platform.GetStringAsync($"/api/v1/tenants/{tenant}/scim/log{query}"))!;
            var entries = page["entries"]!.AsArray();
            if (entries.Count >= count || DateTime.UtcNow > deadline) return entries;
            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task AnEntryWhoseBodyCannotBeRead_IsLoggedWithoutNames_AndTheWriterGoesOn()
    {
        var scim = await factory.NewTenantAsync("okta", keepOwner: true);
        using var platform = factory.PlatformAdmin(scim.AdminKey);
        var queue = factory.Services.GetRequiredService<ProvisioningLogQueue>();
        var unreadableBefore = queue.Unreadable;
        var poison = new ProvisioningLogEntry(0, DateTimeOffset.UtcNow, null, "okta", "POST", $"/scim/v2/{scim.Tenant}/Users", 400, "User", null, []);

        // A body no request can bring any more (a member name with a lone surrogate is refused at the door), put straight into the queue.
        queue.Enqueue(new PendingLogEntry(scim.Tenant, poison, """{"userName\uD800":"a"}"""));
        await scim.CreateUserAsync("after.poison@example.com");
        var entries = await LogAsync(platform, scim.Tenant, "", 2);

        Assert.Equal(2, entries.Count);
        Assert.Empty(entries.Single(e => e!["status"]!.GetValue<int>() == 400)!["attributes"]!.AsArray());
        Assert.Equal("userName", entries.Single(e => e!["status"]!.GetValue<int>() == 201)!["attributes"]![0]!.GetValue<string>());
        Assert.True(queue.Unreadable > unreadableBefore);
    }

    [Fact]
    public async Task EverySCIMRequest_IsRecorded_WithWhatWasAskedAndAnswered_NeverValues()
    {
        var scim = await factory.NewTenantAsync("okta", keepOwner: true);
        using var platform = factory.PlatformAdmin(scim.AdminKey);
        var tokenId = scim.TokenId;

        var created = await scim.PostAsync("/Users", $$"""{"userName":"logged@example.com","password":"{{Secret}}","name":{"givenName":"Lo"} }""");
        await scim.PatchAsync($"/Users/{created.Id}", Patch($$"""[{"op":"replace","path":"password","value":"{{Secret}}"},{"op":"replace","path":"emails[type eq \"work\"].value","value":"w@example.com"}]"""));
        await scim.GetAsync($"/Users/{Guid.NewGuid()}");
        await scim.GetAsync("/Users?filter=userName%20eq%20%22logged@example.com%22");

        var entries = await LogAsync(platform, scim.Tenant, "", 4);
        Assert.Equal(4, entries.Count);
        var text = entries.ToJsonString();
        Assert.DoesNotContain(Secret, text);
        var patch = entries.First(e => e!["method"]!.GetValue<string>() == "PATCH")!;
        Assert.Equal(["password", "emails.value"], patch["attributes"]!.AsArray().Select(a => a!.GetValue<string>()));
        Assert.Equal(200, patch["status"]!.GetValue<int>());
        Assert.Equal("User", patch["resourceType"]!.GetValue<string>());
        Assert.Equal(created.Id, patch["resourceId"]!.GetValue<string>());
        Assert.Equal(tokenId, patch["tokenId"]!.GetValue<string>());
        Assert.Equal("okta", patch["identityProvider"]!.GetValue<string>());
        var post = entries.First(e => e!["method"]!.GetValue<string>() == "POST" && e["path"]!.GetValue<string>().EndsWith("/Users", StringComparison.Ordinal))!;
        Assert.Equal(201, post["status"]!.GetValue<int>());
        Assert.Equal("User", post["resourceType"]!.GetValue<string>());
        Assert.Equal(created.Id, post["resourceId"]!.GetValue<string>());
        Assert.Equal(["userName", "password", "name"], post["attributes"]!.AsArray().Select(a => a!.GetValue<string>()));
        Assert.Contains(entries, e => e!["status"]!.GetValue<int>() == 404);
        Assert.Contains(entries, e => e!["path"]!.GetValue<string>().Contains("filter=", StringComparison.Ordinal));
        var sequences = entries.Select(e => e!["sequence"]!.GetValue<long>()).ToList();
        Assert.Equal(sequences.OrderDescending(), sequences);
    }

    [Fact]
    public async Task TheLog_FiltersByStatusResourceAndTime_AndPages()
    {
        var scim = await factory.NewTenantAsync("entra", keepOwner: true);
        using var platform = factory.PlatformAdmin(scim.AdminKey);
        var user = await scim.CreateUserAsync("filtered@example.com");
        for (var i = 0; i < 3; i++) await scim.GetAsync($"/Users/{user}");
        await scim.GetAsync($"/Users/{Guid.NewGuid()}");
        Assert.Equal(5, (await LogAsync(platform, scim.Tenant, "", 5)).Count);

        var notFound = await LogAsync(platform, scim.Tenant, "?status=404", 1);
        var successes = await LogAsync(platform, scim.Tenant, "?status=2xx", 4);
        var ofUser = await LogAsync(platform, scim.Tenant, $"?resourceId={user}", 4);
        var future = await LogAsync(platform, scim.Tenant, $"?from={factory.Clock.GetUtcNow().AddDays(1):O}".Replace("+", "%2B"), 0);
        var firstPage = JsonNode.Parse(await platform.GetStringAsync($"/api/v1/tenants/{scim.Tenant}/scim/log?count=2"))!;
        var next = firstPage["next"]!.GetValue<long>();
        var secondPage = JsonNode.Parse(await platform.GetStringAsync($"/api/v1/tenants/{scim.Tenant}/scim/log?count=2&before={next}"))!;

        Assert.Single(notFound);
        Assert.Equal(4, successes.Count);
        Assert.All(successes, e => Assert.InRange(e!["status"]!.GetValue<int>(), 200, 299));
        Assert.Equal(4, ofUser.Count);
        Assert.Empty(future);
        Assert.Equal(2, firstPage["entries"]!.AsArray().Count);
        Assert.All(secondPage["entries"]!.AsArray(), e => Assert.True(e!["sequence"]!.GetValue<long>() < next));
        Assert.Equal(HttpStatusCode.BadRequest, (await platform.GetAsync($"/api/v1/tenants/{scim.Tenant}/scim/log?status=teapot")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await platform.GetAsync($"/api/v1/tenants/{scim.Tenant}/scim/log?from=yesterday")).StatusCode);
    }

    [Fact]
    public async Task TheLog_FiltersByResourceTypeAndIdentityProvider()
    {
        var scim = await factory.NewTenantAsync("entra", keepOwner: true);
        using var platform = factory.PlatformAdmin(scim.AdminKey);
        var okta = new ScimClient(factory.CreateClient(), scim.Tenant, await factory.IssueTokenAsync(scim.Tenant, "okta"));
        await scim.CreateUserAsync("entra.user@example.com");
        await scim.CreateGroupAsync("Entra group");
        await okta.CreateUserAsync("okta.user@example.com");
        Assert.Equal(3, (await LogAsync(platform, scim.Tenant, "", 3)).Count);

        var groups = await LogAsync(platform, scim.Tenant, "?resourceType=Group", 1);
        var ofOkta = await LogAsync(platform, scim.Tenant, "?identityProvider=okta", 1);
        var entraUsers = await LogAsync(platform, scim.Tenant, "?identityProvider=entra&resourceType=User", 1);

        Assert.Equal(["Group"], groups.Select(e => e!["resourceType"]!.GetValue<string>()));
        Assert.Equal(["okta"], ofOkta.Select(e => e!["identityProvider"]!.GetValue<string>()));
        Assert.Equal([("entra", "User")], entraUsers.Select(e => (e!["identityProvider"]!.GetValue<string>(), e["resourceType"]!.GetValue<string>())));
    }

    [Fact]
    public async Task RefusedRequestsOfAValidToken_AreRecorded_StrangersAreNot()
    {
        var scim = await factory.NewTenantAsync(keepOwner: true);
        using var platform = factory.PlatformAdmin(scim.AdminKey);
        await scim.GetAsync("/Users", bearer: "scim_forged.token");
        await platform.PostAsync($"/api/v1/tenants/{scim.Tenant}/scim/deactivate", null);
        await scim.GetAsync("/Groups");

        var entries = await LogAsync(platform, scim.Tenant, "?status=403", 1);

        var refused = Assert.Single(entries)!;
        Assert.Equal("/scim/v2/" + scim.Tenant + "/Groups", refused["path"]!.GetValue<string>());
        Assert.Equal("Group", refused["resourceType"]!.GetValue<string>());
        Assert.Empty(await LogAsync(platform, scim.Tenant, "?status=401", 0));
    }

    [Fact]
    public async Task AnotherTenantsLog_IsNotReadable()
    {
        var mine = await factory.NewTenantAsync(keepOwner: true);
        var theirs = await factory.NewTenantAsync(keepOwner: true);
        await theirs.GetAsync("/Users");
        using var platform = factory.PlatformAdmin(mine.AdminKey);
        using var theirPlatform = factory.PlatformAdmin(theirs.AdminKey);
        Assert.Single(await LogAsync(theirPlatform, theirs.Tenant, "", 1));

        Assert.Equal(HttpStatusCode.NotFound, (await platform.GetAsync($"/api/v1/tenants/{theirs.Tenant}/scim/log")).StatusCode);
        Assert.Empty(await LogAsync(platform, mine.Tenant, "", 0));
    }

    [Fact]
    public async Task EntriesOlderThanTheConfiguredRetention_AreDropped()
    {
        var scim = await factory.NewTenantAsync(keepOwner: true);
        using var platform = factory.PlatformAdmin(scim.AdminKey);
        await scim.GetAsync("/Users");
        Assert.Single(await LogAsync(platform, scim.Tenant, "", 1));

        factory.Clock.Advance(TimeSpan.FromDays(ScimApiFactory.LogRetentionDays + 1));
        await scim.GetAsync("/Groups");

        var deadline = DateTime.UtcNow.AddSeconds(30);
        JsonArray entries;
        do entries = await LogAsync(platform, scim.Tenant, "", 1);
        while ((entries.Count != 1 || !entries[0]!["path"]!.GetValue<string>().EndsWith("/Groups", StringComparison.Ordinal)) && DateTime.UtcNow < deadline);
        Assert.EndsWith("/Groups", Assert.Single(entries)!["path"]!.GetValue<string>());
    }

    [Collection(InMemoryCollection.Name)]
    public sealed class InMemory(InMemoryApiFactory factory) : ProvisioningLogTests(factory);

    [Collection(PostgresCollection.Name)]
    public sealed class Postgres(PostgresApiFactory factory) : ProvisioningLogTests(factory);
}
