using System.Net;
using Scim.Api.Tests.Infrastructure;

namespace Scim.Api.Tests.Auth;

/// <summary>
/// The production shape: two silo processes and an API process, an Orleans client of them, on PostgreSQL. The API process
/// keeps the token checks that let requests in for a second; what an admin changes through it still counts at once.
/// </summary>
public sealed class ClusterTokenChecksTests
{
    private const string OperatorKey = "token-checks-operator-key-0123456789abcdef";

    [Fact]
    public async Task ThroughTheApiProcess_ARevokedTokenAndAClosedIntegration_AreRefusedAtOnce()
    {
        await using var cluster = await ProcessCluster.StartAsync(OperatorKey);
        var clients = cluster.Clients;
        var scim = await clients.NewTenantAsync("okta", keepOwner: true);
        var second = await clients.IssueTokenAsync(scim.Tenant, "entra");
        var tokenId = scim.TokenId;
        using var platform = clients.PlatformAdmin(scim.AdminKey);

        Assert.Equal(HttpStatusCode.OK, (await scim.GetAsync("/Users")).Status);
        (await platform.DeleteAsync($"/api/v1/tenants/{scim.Tenant}/scim/tokens/{tokenId}")).EnsureSuccessStatusCode();
        (await scim.GetAsync("/Users")).AssertError(HttpStatusCode.Unauthorized, null);

        Assert.Equal(HttpStatusCode.OK, (await scim.GetAsync("/Users", second)).Status);
        (await platform.PostAsync($"/api/v1/tenants/{scim.Tenant}/scim/deactivate", null)).EnsureSuccessStatusCode();
        (await scim.GetAsync("/Users", second)).AssertError(HttpStatusCode.Forbidden, null);
    }
}
