using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Scim.Api.Http;
using Scim.Api.Telemetry;
using Scim.Grains.Interfaces.Platform;
using Scim.Grains.Interfaces.References;

namespace Scim.Api.Auth;

/// <summary>
/// Authenticates a platform admin key for the tenant named in the route. A valid key of another tenant gets 404, as if
/// the tenant did not exist for it; a wrong key 401; the key's user must still be an admin or the owner.
/// </summary>
internal sealed class AdminKeyHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IGrainFactory grains,
    KnownTenants tenants,
    ApiMetrics metrics) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    private const string Credential = "admin_key";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var tenant = Context.GetRouteValue("tenant") as string;
        var key = ScimAuth.BearerToken(Request.Headers.Authorization);
        if (key is null) return AuthenticateResult.NoResult();
        if (!AdminKeys.TryParse(key, out var keyTenant, out var keyId, out var secret) || !await tenants.ExistsAsync(keyTenant))
            return ScimAuth.Refuse(metrics, Credential, "invalid", "Invalid admin key.");
        var userId = await grains.Grain<IAdminKeySetGrain>(keyTenant).AuthenticateAsync(keyId, CredentialSecrets.Hash(secret));
        if (userId is null) return ScimAuth.Refuse(metrics, Credential, "invalid", "Invalid admin key.");
        if (keyTenant != tenant || !TenantIds.IsValid(tenant))
        {
            ScimRequestFacts.Of(Context).ForeignTenant = true;
            return ScimAuth.Refuse(metrics, Credential, "foreign_tenant", "Another tenant's key.");
        }
        var principal = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ScimAuth.TenantClaim, tenant), new Claim(ClaimTypes.NameIdentifier, userId)], Scheme.Name));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        ScimAuth.ChallengeAsync(Context, "platform-admin", "A valid admin key of this tenant's admin or owner is required.");
}
