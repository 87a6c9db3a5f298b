using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Scim.Api.SingleSignOn;
using Scim.Api.Tests.Infrastructure;

namespace Scim.Api.Tests.SingleSignOn;

/// <summary>Which requests a tenant's sign-in looks at: its own steps only, so SCIM calls never build its handler.</summary>
[Collection(InMemoryCollection.Name)]
public sealed class TenantSsoTests(InMemoryApiFactory factory)
{
    [Theory]
    [InlineData("/t/school/sso", "school")]
    [InlineData("/t/school/sso/test", "school")]
    [InlineData("/t/school/signin-oidc", "school")]
    [InlineData("/t/school/signout-oidc", "school")]
    [InlineData("/t/school/login", null)]
    [InlineData("/t/school", null)]
    [InlineData("/T/school/sso", null)]
    [InlineData("/tenants/school/sso", null)]
    [InlineData("/t/not a tenant/sso", null)]
    [InlineData("/scim/v2/school/Users", null)]
    public void TenantOf_NamesTheTenantOfASignInStepOnly(string path, string? tenant) =>
        Assert.Equal(tenant, TenantSso.TenantOf(new PathString(path)));

    [Fact]
    public async Task TheTenantSignIn_IsNotOfferedEveryRequest_ButStaysASchemeOthersCanChallenge()
    {
        var options = new AuthenticationOptions();
        options.AddScheme<TenantOidcHandler>(TenantSso.Scheme, null);
        options.AddScheme<OpenIdConnectHandler>("another-provider", null);
        var schemes = new TenantSsoSchemes(Options.Create(options));

        var offered = await schemes.GetRequestHandlerSchemesAsync();
        var offeredAgain = await schemes.GetRequestHandlerSchemesAsync();

        Assert.Equal(["another-provider"], offered.Select(s => s.Name));
        Assert.Same(offered, offeredAgain);
        Assert.NotNull(await schemes.GetSchemeAsync(TenantSso.Scheme));
    }

    [Fact]
    public async Task TheRunningService_OffersItsRequestsToNoTenantSignIn_ButCanStillChallengeOne()
    {
        var schemes = factory.Services.GetRequiredService<IAuthenticationSchemeProvider>();

        var offered = await schemes.GetRequestHandlerSchemesAsync();

        Assert.DoesNotContain(offered, scheme => scheme.Name == TenantSso.Scheme);
        Assert.Equal(typeof(TenantOidcHandler), (await schemes.GetSchemeAsync(TenantSso.Scheme))?.HandlerType);
    }
}
