using Scim.Grains.Interfaces.Platform;

namespace Scim.Api.SingleSignOn;

/// <summary>
/// A tenant's single sign-on as the admin API and page show it: never the client secret (only whether one is set),
/// with the addresses to register at the identity provider.
/// </summary>
public sealed record SsoSettingsView(
    bool Configured,
    string RedirectUri,
    string PostLogoutRedirectUri,
    string? Issuer = null,
    string? ClientId = null,
    bool ClientSecretSet = false,
    string? Claim = null,
    string? MatchAttribute = null,
    IReadOnlyList<string>? AllowedEmailDomains = null,
    bool SsoOnly = false,
    string? DisplayName = null,
    int Version = 0,
    bool Verified = false,
    DateTimeOffset? VerifiedAt = null,
    string? VerifiedBy = null,
    DateTimeOffset? Updated = null,
    string? UpdatedBy = null)
{
    public static SsoSettingsView Of(SsoState? state, string publicBase, string tenant)
    {
        var (redirect, signedOut) = (publicBase + TenantSso.CallbackPath(tenant), publicBase + TenantSso.SignedOutCallbackPath(tenant));
        if (state is null) return new SsoSettingsView(false, redirect, signedOut);
        var c = state.Configuration;
        return new SsoSettingsView(true, redirect, signedOut, c.Issuer, c.ClientId, c.ProtectedClientSecret is not null, c.Claim,
            SsoMatching.Name(c.MatchAttribute), c.AllowedEmailDomains, c.SsoOnly, c.DisplayName, state.Version, state.Verified, state.VerifiedAt,
            state.VerifiedBy, state.Updated, state.UpdatedBy);
    }
}
