using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;
using Scim.Api.Auth;
using Scim.Api.Tests.Infrastructure;

namespace Scim.Api.Tests.Auth;

/// <remarks>Runs once per storage backend: see the nested classes at the end.</remarks>
public abstract class TokenAuthenticationTests(ScimApiFactory factory)
{
    [Fact]
    public async Task MissingToken_Returns401WithScimBody()
    {
        var scim = await factory.NewTenantAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{scim.Base}/Users");

        using var response = await scim.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/scim+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("\"status\":\"401\"", await response.Content.ReadAsStringAsync());
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Theory]
    [InlineData("non-token")]
    [InlineData("scim_AAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task WrongToken_Returns401(string token)
    {
        var scim = await factory.NewTenantAsync();

        (await scim.GetAsync("/Users", token)).AssertError(HttpStatusCode.Unauthorized, null);
    }

    [Fact]
    public async Task TamperedSecretOfARealTokenId_Returns401()
    {
        var scim = await factory.NewTenantAsync();
        var tampered = scim.Token[..^2] + (scim.Token.EndsWith("AA", StringComparison.Ordinal) ? "BB" : "AA");

        (await scim.GetAsync("/Users", tampered)).AssertError(HttpStatusCode.Unauthorized, null);
    }

    [Fact]
    public async Task TamperedSecret_Returns401_RightAfterTheRealSecretWasAccepted()
    {
        var scim = await factory.NewTenantAsync();
        var tampered = scim.Token[..^2] + (scim.Token.EndsWith("AA", StringComparison.Ordinal) ? "BB" : "AA");

        Assert.Equal(HttpStatusCode.OK, (await scim.GetAsync("/Users")).Status);
        (await scim.GetAsync("/Users", tampered)).AssertError(HttpStatusCode.Unauthorized, null);
        Assert.Equal(HttpStatusCode.OK, (await scim.GetAsync("/Users")).Status);
    }

    [Fact]
    public async Task ARevocationThroughAnotherApiReplica_ReachesThisOneWithinTheCheckCachesAge()
    {
        var scim = await factory.NewTenantAsync();
        Assert.True(BearerTokens.TryParse(scim.Token, out var tokenId, out var secret));
        var secretHash = CredentialSecrets.Hash(secret);
        var otherReplica = new TokenCheckCache(factory.Services.GetRequiredService<IGrainFactory>(), factory.Clock);
        Assert.NotNull((await otherReplica.CheckAsync(scim.Tenant, tokenId, secretHash)).Identity);
        using var admin = factory.Operator();

        (await admin.DeleteAsync($"/api/v1/tenants/{scim.Tenant}/scim/tokens/{tokenId}")).EnsureSuccessStatusCode();

        Assert.NotNull((await otherReplica.CheckAsync(scim.Tenant, tokenId, secretHash)).Identity);
        factory.Clock.Advance(TokenCheckCache.MaxAge);
        Assert.Null((await otherReplica.CheckAsync(scim.Tenant, tokenId, secretHash)).Identity);
        (await scim.GetAsync("/Users")).AssertError(HttpStatusCode.Unauthorized, null);
    }

    [Fact]
    public async Task AnotherTenantsToken_Returns401_AndCannotReadOrWrite()
    {
        var victim = await factory.NewTenantAsync();
        var attacker = await factory.NewTenantAsync();
        var id = await victim.CreateUserAsync("victim-user");

        (await victim.GetAsync($"/Users/{id}", attacker.Token)).AssertError(HttpStatusCode.Unauthorized, null);
        (await victim.GetAsync("/Users", attacker.Token)).AssertError(HttpStatusCode.Unauthorized, null);
        (await victim.SendAsync(HttpMethod.Delete, $"/Users/{id}", null, attacker.Token)).AssertError(HttpStatusCode.Unauthorized, null);
        (await attacker.GetAsync($"/Users/{id}")).AssertError(HttpStatusCode.NotFound, null);
        Assert.Equal(HttpStatusCode.OK, (await victim.GetAsync($"/Users/{id}")).Status);
    }

    [Fact]
    public async Task UnknownTenant_AnswersExactlyAsAWrongToken_SoTenantsCannotBeEnumerated()
    {
        var scim = await factory.NewTenantAsync();
        using var unknownTenant = new HttpRequestMessage(HttpMethod.Get, "/scim/v2/no-such-tenant/Users");
        unknownTenant.Headers.Authorization = new("Bearer", scim.Token);
        using var wrongToken = new HttpRequestMessage(HttpMethod.Get, $"/scim/v2/{scim.Tenant}/Users");
        wrongToken.Headers.Authorization = new("Bearer", scim.Token[..^4] + "AAAA");

        using var unknown = await scim.Http.SendAsync(unknownTenant);
        using var wrong = await scim.Http.SendAsync(wrongToken);

        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(await wrong.Content.ReadAsStringAsync(), await unknown.Content.ReadAsStringAsync());
        Assert.Equal(wrong.Headers.WwwAuthenticate.ToString(), unknown.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public async Task RequestsToMadeUpTenants_ActivateNoGrainOfThem()
    {
        var scim = await factory.NewTenantAsync();
        var management = factory.Services.GetRequiredService<IGrainFactory>().GetGrain<IManagementGrain>(0);
        async Task<int> TenantActivationsAsync() => (await management.GetSimpleGrainStatistics())
            .Where(s => s.GrainType.Contains("TokenSet", StringComparison.Ordinal) || s.GrainType.Contains("AdminKeySet", StringComparison.Ordinal))
            .Sum(s => s.ActivationCount);
        var before = await TenantActivationsAsync();

        var answers = await Task.WhenAll(Enumerable.Range(0, 200).Select(async i =>
        {
            var tenant = $"made-up-{Guid.NewGuid():N}"[..30];
            using var scimRequest = new HttpRequestMessage(HttpMethod.Get, $"/scim/v2/{tenant}/Users");
            scimRequest.Headers.Authorization = new("Bearer", scim.Token);
            using var adminRequest = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/tenants/{tenant}/scim/settings");
            adminRequest.Headers.Authorization = new("Bearer", $"scimadm_{tenant}_AAAAAAAAAAAA.{new string('a', 64)}");
            return new[] { (await scim.Http.SendAsync(scimRequest)).StatusCode, (await scim.Http.SendAsync(adminRequest)).StatusCode };
        }));

        Assert.All(answers.SelectMany(a => a), status => Assert.Equal(HttpStatusCode.Unauthorized, status));
        Assert.Equal(before, await TenantActivationsAsync());
    }

    [Fact]
    public async Task RevokedToken_StopsWorkingAtOnce_OtherTokensKeepWorking()
    {
        var scim = await factory.NewTenantAsync();
        var second = await factory.IssueTokenAsync(scim.Tenant, "entra");
        Assert.Equal(HttpStatusCode.OK, (await scim.GetAsync("/Users")).Status);
        var tokenId = scim.TokenId;
        using var admin = factory.Operator();

        var revoked = await admin.DeleteAsync($"/api/v1/tenants/{scim.Tenant}/scim/tokens/{tokenId}");

        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        (await scim.GetAsync("/Users")).AssertError(HttpStatusCode.Unauthorized, null);
        Assert.Equal(HttpStatusCode.OK, (await scim.GetAsync("/Users", second)).Status);
    }

    [Collection(InMemoryCollection.Name)]
    public sealed class InMemory(InMemoryApiFactory factory) : TokenAuthenticationTests(factory);

    [Collection(PostgresCollection.Name)]
    public sealed class Postgres(PostgresApiFactory factory) : TokenAuthenticationTests(factory);
}
