using System.Security.Cryptography;
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
        var (id, secretHash) = ("t1", SHA256.HashData("secret"u8));
        var issued = await tokens.IssueAsync(new TokenRequest("okta", null, 0, "test"), id, secretHash);

        var valid = await tokens.AuthenticateAsync(id, secretHash);
        var wrong = await tokens.AuthenticateAsync(id, SHA256.HashData("secret!"u8));
        await tokens.RevokeAsync(id);
        var revoked = await tokens.AuthenticateAsync(id, secretHash);

        Assert.Equal(("t1", "okta", "okta token"), (issued.Id, issued.IdentityProvider, issued.Name));
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
        Assert.Equal(404, (await Assert.ThrowsAsync<ScimException>(() => tokens.IssueAsync(new TokenRequest("okta", null, 0, "test"), "x", new byte[32]))).Status);
    }

    [Fact]
    public async Task IssuingATakenTokenId_Is409_AndASecretNotHashed_Is400()
    {
        var tokens = Grains.GetGrain<ITokenSetGrain>(await NewTenantAsync());
        var request = new TokenRequest("okta", null, 0, "test");
        await tokens.IssueAsync(request, "t1", SHA256.HashData("one"u8));

        Assert.Equal(409, (await Assert.ThrowsAsync<ScimException>(() => tokens.IssueAsync(request, "t1", SHA256.HashData("two"u8)))).Status);
        Assert.Equal(400, (await Assert.ThrowsAsync<ScimException>(() => tokens.IssueAsync(request, "t2", "raw secret"u8.ToArray()))).Status);
        Assert.Single(await tokens.ListAsync());
    }
}
