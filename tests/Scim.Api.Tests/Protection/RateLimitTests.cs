using System.Net;
using Scim.Api.Tests.Infrastructure;

namespace Scim.Api.Tests.Protection;

/// <summary>Per-tenant rate limits: 429 with Retry-After and a SCIM error (O9), and no effect on other tenants.</summary>
/// <remarks>Runs once per storage backend: see the nested classes at the end.</remarks>
public abstract class RateLimitTests(ScimApiFactory factory)
{
    [Fact]
    public async Task O9_AFloodOnOneTenant_Gets429WithRetryAfter_WhileAnotherTenantIsServed()
    {
        var flooded = await factory.NewTenantAsync("okta", ScimApiFactory.ThrottledTenant);
        var calm = await factory.NewTenantAsync("okta");

        var floodTask = Task.WhenAll(Enumerable.Range(0, 30).Select(_ => flooded.GetAsync("/Users?count=1")));
        var calmTask = Task.WhenAll(Enumerable.Range(0, 30).Select(_ => calm.GetAsync("/Users?count=1")));
        var floodResponses = await floodTask;
        var calmResponses = await calmTask;

        var rejected = floodResponses.Where(r => r.Status == HttpStatusCode.TooManyRequests).ToList();
        Assert.NotEmpty(rejected);
        Assert.InRange(floodResponses.Count(r => r.Status == HttpStatusCode.OK), 1, 10);
        rejected[0].AssertError(HttpStatusCode.TooManyRequests, null);
        Assert.True(rejected[0].Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1));
        Assert.All(calmResponses, r => Assert.Equal(HttpStatusCode.OK, r.Status));
    }

    [Fact]
    public async Task CallsWithoutAValidToken_DoNotSpendTheTenantsPermits()
    {
        var scim = await factory.NewTenantAsync("okta", ScimApiFactory.ThrottledTenantForStrangers);
        var stranger = new ScimClient(factory.CreateClient(), scim.Tenant, "scim_nope.nope");

        var refused = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => stranger.GetAsync("/Users")));
        var served = await scim.GetAsync("/Users");

        Assert.All(refused, r => Assert.Equal(HttpStatusCode.Unauthorized, r.Status));
        Assert.Equal(HttpStatusCode.OK, served.Status);
    }

    [Collection(InMemoryCollection.Name)]
    public sealed class InMemory(InMemoryApiFactory factory) : RateLimitTests(factory);

    [Collection(PostgresCollection.Name)]
    public sealed class Postgres(PostgresApiFactory factory) : RateLimitTests(factory);
}
