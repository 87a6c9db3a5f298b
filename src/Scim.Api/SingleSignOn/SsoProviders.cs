using Scim.Grains.Interfaces.Platform;

namespace Scim.Api.SingleSignOn;

/// <summary>How pages name a tenant's identity provider: the name the admin gave it, else the issuer's host.</summary>
public static class SsoProviders
{
    public static string Name(SsoState? settings) =>
        settings?.Configuration is not { } c ? "your identity provider"
        : c.DisplayName ?? (Uri.TryCreate(c.Issuer, UriKind.Absolute, out var issuer) ? issuer.Host : "your identity provider");
}
