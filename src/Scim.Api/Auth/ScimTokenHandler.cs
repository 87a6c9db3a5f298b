using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Scim.Api.Errors;
using Scim.Api.Http;
using Scim.Api.Telemetry;

namespace Scim.Api.Auth;

/// <summary>
/// Authenticates a SCIM bearer token against the tenant named in the route, and only that tenant: another
/// tenant's token fails exactly like a wrong one. The secret is hashed here and never leaves the API process.
/// Failures answer 401 with a SCIM error body, also when the tenant does not exist (so tenants cannot be enumerated),
/// and 403 for a valid token while the tenant's integration is not active.
/// </summary>
internal sealed class ScimTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    TokenCheckCache tokenChecks,
    KnownTenants tenants,
    ApiMetrics metrics) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    private const string Credential = "scim_token";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var tenant = Context.GetRouteValue("tenant") as string;
        var token = ScimAuth.BearerToken(Request.Headers.Authorization);
        if (token is null) return AuthenticateResult.NoResult();
        // A made-up tenant is refused like a wrong token (no enumeration), before any grain of it is activated.
        if (tenant is null || !BearerTokens.TryParse(token, out var tokenId, out var secret) || !await tenants.ExistsAsync(tenant))
            return ScimAuth.Refuse(metrics, Credential, "invalid", "Invalid token.");
        var check = await tokenChecks.CheckAsync(tenant, tokenId, CredentialSecrets.Hash(secret));
        if (check.Identity is not { } identity) return ScimAuth.Refuse(metrics, Credential, "invalid", "Invalid token.");
        var facts = ScimRequestFacts.Of(Context);
        facts.Token = identity;
        if (!check.IntegrationActive)
        {
            facts.IntegrationInactive = true;
            return ScimAuth.Refuse(metrics, Credential, "integration_inactive", "The integration is not active.");
        }
        var principal = new ClaimsPrincipal(new ClaimsIdentity(
        [
            new Claim(ScimAuth.TenantClaim, tenant),
            new Claim(ScimAuth.TokenIdClaim, identity.TokenId),
            new Claim(ScimAuth.IdentityProviderClaim, identity.IdentityProvider),
        ], Scheme.Name));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (ScimRequestFacts.Of(Context).IntegrationInactive)
            return ScimErrorWriter.WriteAsync(Context, 403, null, "The SCIM integration of this tenant is not active: a platform admin activates it in the platform.");
        return ScimAuth.ChallengeAsync(Context, "scim", "A valid bearer token for this tenant is required.");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        ScimErrorWriter.WriteAsync(Context, 403, null, "This token may not perform this request.");
}
