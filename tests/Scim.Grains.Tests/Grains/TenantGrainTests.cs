using Scim.Grains.Interfaces.Errors;
using Scim.Grains.Interfaces.Tenants;

namespace Scim.Grains.Tests.Grains;

[Collection(ClusterCollection.Name)]
public sealed class TenantGrainTests(ClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Cluster.GrainFactory;

    private async Task<string> NewTenantAsync()
    {
        var id = "tn-" + Guid.NewGuid().ToString("N")[..10];
        await Grains.GetGrain<ITenantGrain>(id).CreateAsync("Tenant");
        return id;
    }

    [Fact]
    public async Task CreateTwice_SecondIsConflict()
    {
        var id = await NewTenantAsync();

        var error = await Assert.ThrowsAsync<ScimException>(() => Grains.GetGrain<ITenantGrain>(id).CreateAsync("Again"));

        Assert.Equal(409, error.Status);
    }

    [Fact]
    public async Task IssuedToken_Authenticates_WrongSecretDoesNot_RevokedDoesNot()
    {
        var tenant = await NewTenantAsync();
        var tokens = Grains.GetGrain<ITokenSetGrain>(tenant);
        var issued = await tokens.IssueAsync(new TokenRequest("okta", null, 0, "test"));
        Assert.True(BearerTokens.TryParse(issued.Token, out var id, out var secret));

        var valid = await tokens.AuthenticateAsync(id, BearerTokens.Hash(secret));
        var wrong = await tokens.AuthenticateAsync(id, BearerTokens.Hash(secret + "x"));
        await tokens.RevokeAsync(id);
        var revoked = await tokens.AuthenticateAsync(id, BearerTokens.Hash(secret));

        Assert.Equal(new TokenIdentity(id, "okta"), valid.Identity);
        Assert.Null(wrong.Identity);
        Assert.Null(revoked.Identity);
        Assert.True(revoked.TenantExists);
    }

    [Fact]
    public async Task UnknownTenant_HasNoTokensAndCannotIssue()
    {
        var tokens = Grains.GetGrain<ITokenSetGrain>("missing-" + Guid.NewGuid().ToString("N")[..8]);

        Assert.False((await tokens.AuthenticateAsync("x", new byte[32])).TenantExists);
        Assert.Equal(404, (await Assert.ThrowsAsync<ScimException>(() => tokens.IssueAsync(new TokenRequest("okta", null, 0, "test")))).Status);
    }
}
