using System.Net;
using System.Net.Http.Json;
using Scim.Api.Tests.Infrastructure;

namespace Scim.Api.Tests.Telemetry;

/// <summary>
/// The service's own instruments, read through OpenTelemetry's in-memory exporter after traffic through the real
/// pipeline. Each test reads an instrument before and after its own requests; the collection runs alone, so the
/// difference is theirs.
/// </summary>
[Collection(TelemetryCollection.Name)]
public sealed class ServiceMetricsTests(TelemetryApiFactory factory)
{
    private const string Requests = "scim.request.duration";

    private static (string, string)[] Request(string identityProvider, string resourceType, string operation, string statusClass) =>
    [
        ("scim.identity_provider", identityProvider), ("scim.resource_type", resourceType), ("scim.operation", operation),
        ("http.response.status_class", statusClass),
    ];

    [Fact]
    public async Task ScimRequests_AreCountedByIdentityProviderResourceTypeOperationAndStatusClass()
    {
        var scim = await factory.NewTenantAsync("pingfederate");
        string[][] expected =
        [
            ["User", "create", "2xx"], ["User", "get", "2xx"], ["User", "get", "4xx"], ["User", "patch", "2xx"],
            ["User", "list", "2xx"], ["User", "delete", "2xx"], ["none", "discovery", "2xx"], ["Group", "search", "2xx"],
        ];
        var before = expected.Select(e => factory.Read(Requests, Request("pingfederate", e[0], e[1], e[2]))).ToArray();
        var unauthenticatedBefore = factory.Read(Requests, Request("unauthenticated", "User", "list", "4xx"));

        var id = await scim.CreateUserAsync("counted@metrics.example");
        await scim.GetAsync($"/Users/{id}");
        await scim.GetAsync($"/Users/{Guid.NewGuid()}");
        await scim.PatchAsync($"/Users/{id}", """{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","path":"active","value":false}]}""");
        await scim.GetAsync("/Users?filter=userName%20eq%20%22counted@metrics.example%22");
        await scim.DeleteAsync($"/Users/{id}");
        await scim.GetAsync("/ServiceProviderConfig");
        await scim.PostAsync("/Groups/.search", """{"schemas":["urn:ietf:params:scim:api:messages:2.0:SearchRequest"]}""");
        var refused = await scim.GetAsync("/Users", bearer: "not-a-token");

        Assert.Equal(HttpStatusCode.Unauthorized, refused.Status);
        Assert.All(expected.Select((e, i) => (Label: string.Join('/', e), Delta: factory.Read(Requests, Request("pingfederate", e[0], e[1], e[2])) - before[i])),
            counted => Assert.True(counted.Delta == 1, $"{counted.Label}: {counted.Delta}"));
        Assert.Equal(1, factory.Read(Requests, Request("unauthenticated", "User", "list", "4xx")) - unauthenticatedBefore);
    }

    [Fact]
    public async Task AspNetCoresRequestMetric_TimesOtherRequests_AndLeavesScimRequestsToTheirOwn_WithoutCountingThoseInFlight()
    {
        const string AspNetCoreRequests = "http.server.request.duration";
        var scim = await factory.NewTenantAsync();
        var before = factory.Read(AspNetCoreRequests);
        var scimBefore = factory.Read(Requests);

        await scim.GetAsync("/Users");
        var afterScim = factory.Read(AspNetCoreRequests);
        var page = await factory.Browser().GetAsync($"/t/{scim.Tenant}/login");
        var afterPage = factory.Read(AspNetCoreRequests);
        var exported = factory.Metrics.Snapshot().Select(m => m.Name).ToList();

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(1, factory.Read(Requests) - scimBefore);
        Assert.Equal(before, afterScim);
        Assert.True(afterPage > afterScim, "http.server.request.duration did not count the page");
        string[] perRequestDiagnostics = ["aspnetcore.routing.", "aspnetcore.authentication.", "aspnetcore.authorization.", "aspnetcore.rate_limiting.", "aspnetcore.memory_pool."];
        Assert.DoesNotContain(exported, name => perRequestDiagnostics.Any(prefix => name.StartsWith(prefix, StringComparison.Ordinal)));
        Assert.DoesNotContain("http.server.active_requests", exported);
    }

    [Fact]
    public async Task GrainCalls_AreCountedOnceByOrleansDispatcher_WithoutALatencyHistogramOrCountsOfTheirWayPerCall()
    {
        var scim = await factory.NewTenantAsync();
        const string Processed = "orleans-messaging-processing-dispatcher-processed";
        var before = factory.Read(Processed);

        await scim.CreateUserAsync("dispatched@metrics.example");
        var after = factory.Read(Processed);
        var exported = factory.Metrics.Snapshot().Select(m => m.Name).ToList();

        Assert.True(after > before, $"{Processed} did not count the create's grain calls");
        Assert.Empty(exported.Intersect(
        [
            "orleans-app-requests-latency", "orleans-messaging-processing-dispatcher-received", "orleans-directory-lookups-local-issued",
            "orleans-directory-lookups-local-successes", "orleans-directory-lookups-cache-issued", "orleans-directory-lookups-cache-successes",
            "orleans-messaging-sent-local", "orleans-messaging-processing-ima-received",
        ]));
    }

    [Fact]
    public async Task Writes_AreCountedByResourceTypeAndChange_AndMembershipsBySource()
    {
        var scim = await factory.NewTenantAsync();
        (string Type, string Change)[] resources = [("User", "created"), ("User", "replaced"), ("Group", "created"), ("Group", "patched"), ("Group", "deleted")];
        (string Source, string Change)[] memberships = [("scim", "replaced"), ("scim", "added"), ("scim", "removed"), ("manual", "added"), ("manual", "removed")];
        double ReadResources((string Type, string Change) r) => factory.Read("scim.resources.changed", ("scim.resource_type", r.Type), ("scim.change", r.Change));
        double ReadMemberships((string Source, string Change) m) => factory.Read("scim.memberships.changed", ("scim.membership.source", m.Source), ("scim.change", m.Change));
        var resourcesBefore = resources.Select(ReadResources).ToArray();
        var membershipsBefore = memberships.Select(ReadMemberships).ToArray();

        var ada = await scim.CreateUserAsync("ada@metrics.example");
        var bob = await scim.CreateUserAsync("bob@metrics.example");
        var eve = await scim.CreateUserAsync("eve@metrics.example");
        await scim.PutAsync($"/Users/{eve}", """{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"eve@metrics.example","active":false}""");
        var group = await scim.CreateGroupAsync("counted", $$"""[{"value":"{{ada}}"}]""");
        await scim.PatchAsync($"/Groups/{group}", $$"""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"add","path":"members","value":[{"value":"{{bob}}"}]}]}""");
        await scim.PatchAsync($"/Groups/{group}", $$"""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"remove","path":"members[value eq \"{{ada}}\"]"}]}""");
        var admin = factory.GroupAdmin(scim.Tenant);
        Assert.Equal(HttpStatusCode.NoContent, await admin.AddManualMemberAsync(group, eve));
        Assert.Equal(HttpStatusCode.NoContent, await admin.RemoveManualMemberAsync(group, eve));
        Assert.Equal(HttpStatusCode.NoContent, (await scim.DeleteAsync($"/Groups/{group}")).Status);

        Assert.Equal([3, 1, 1, 2, 1], resources.Select((r, i) => ReadResources(r) - resourcesBefore[i]));
        Assert.Equal([1, 1, 1, 1, 1], memberships.Select((m, i) => ReadMemberships(m) - membershipsBefore[i]));
    }

    [Fact]
    public async Task RefusedCredentials_AndRateLimitedCalls_AreCountedWithoutTenants()
    {
        var scim = await factory.NewTenantAsync(id: ScimApiFactory.ThrottledTenant);
        (string Credential, string Reason)[] failures = [("scim_token", "invalid"), ("admin_key", "invalid"), ("operator_key", "invalid")];
        double ReadFailures((string Credential, string Reason) f) => factory.Read("scim.authentication.failures", ("scim.credential", f.Credential), ("scim.reason", f.Reason));
        var failuresBefore = failures.Select(ReadFailures).ToArray();
        var rejectedBefore = factory.Read("scim.rate_limit.rejections", ("scim.limit", "tenant"));

        await scim.GetAsync("/Users", bearer: "scim_wrong");
        using var wrongAdmin = factory.PlatformAdmin("sak_wrong.wrong.wrong");
        await wrongAdmin.GetAsync($"/api/v1/tenants/{scim.Tenant}/scim/settings");
        using var wrongOperator = factory.CreateClient();
        wrongOperator.DefaultRequestHeaders.Authorization = new("Bearer", "not-the-operator-key");
        Assert.Equal(HttpStatusCode.Unauthorized, (await wrongOperator.GetAsync($"/admin/v1/tenants/{scim.Tenant}")).StatusCode);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 12; i++) statuses.Add((await scim.GetAsync("/Users")).Status);

        Assert.Equal([1, 1, 1], failures.Select((f, i) => ReadFailures(f) - failuresBefore[i]));
        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
        Assert.Equal(statuses.Count(s => s == HttpStatusCode.TooManyRequests), factory.Read("scim.rate_limit.rejections", ("scim.limit", "tenant")) - rejectedBefore);
        factory.Flush();
        Assert.DoesNotContain(factory.Metrics.SelectMany(m => m.MetricPoints).SelectMany(p => Tags(p)), tag => tag.Value as string == scim.Tenant);
    }

    [Fact]
    public async Task TheOutboxAndTheProvisioningLog_ReportTheirQueues_AndSentMailIsCounted()
    {
        var scim = await factory.NewMailingTenantAsync();
        var sentBefore = factory.Read("scim.outbox.sent");

        await scim.CreateUserAsync("mailed", $$""","emails":[{"value":"mailed@{{scim.Tenant}}.example","primary":true}]""");
        await factory.Inbox.WaitForAsync($"mailed@{scim.Tenant}.example");
        var until = DateTime.UtcNow.AddSeconds(10);
        while (factory.Read("scim.outbox.sent") == sentBefore && DateTime.UtcNow < until) await Task.Delay(50);
        factory.Flush();

        // The owner's invitation may go out in the same window.
        Assert.InRange(factory.Read("scim.outbox.sent") - sentBefore, 1, 2);
        Assert.Contains(factory.Metrics, m => m.Name == "scim.outbox.depth");
        Assert.Contains(factory.Metrics, m => m.Name == "scim.outbox.oldest_age");
        Assert.Contains(factory.Metrics, m => m.Name == "scim.provisioning_log.queue.depth");
        Assert.Contains(factory.Metrics, m => m.Name == "scim.provisioning_log.dropped");
    }

    private static IEnumerable<KeyValuePair<string, object?>> Tags(OpenTelemetry.Metrics.MetricPoint point)
    {
        var tags = new List<KeyValuePair<string, object?>>();
        foreach (var tag in point.Tags) tags.Add(tag);
        return tags;
    }
}
