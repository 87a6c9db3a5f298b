using System.Collections.Concurrent;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using Scim.Grains.Interfaces.Platform;

using Scim.Api.Auth;

namespace Scim.Api.SingleSignOn;

/// <summary>
/// The OpenID Connect options of each tenant, built from its settings and kept while they stay the same version: the
/// options hold the tenant's metadata cache (discovery document and signing keys, refreshed by the handler's
/// configuration manager) and its own back-channel client, so one tenant's slow or unreachable issuer delays no other.
/// The state and nonce are protected under a purpose of the tenant's own.
/// </summary>
public sealed class TenantOidcOptions(IDataProtectionProvider dataProtection, SsoClientSecrets secrets, IOptions<ScimApiOptions> api, TimeProvider clock,
    IConfiguration configuration)
{
    /// <summary>
    /// How long a tenant's issuer may take to answer the service (discovery, keys, the code's redemption): setting
    /// <c>Scim:SingleSignOn:BackchannelTimeoutSeconds</c>, 10 s by default.
    /// </summary>
    private readonly TimeSpan backchannelTimeout = TimeSpan.FromSeconds(configuration.GetValue("Scim:SingleSignOn:BackchannelTimeoutSeconds", 10.0));

    private readonly ConcurrentDictionary<string, (int Version, OpenIdConnectOptions Options)> tenants = new(StringComparer.Ordinal);

    /// <summary>The options of a request that is no tenant's sign-in step: they answer nothing but their own unreachable paths.</summary>
    public OpenIdConnectOptions Inert => inert ??= Finish("-", new OpenIdConnectOptions { Authority = "https://sso.invalid", ClientId = "none" });

    private OpenIdConnectOptions? inert;

    public OpenIdConnectOptions For(string tenant, SsoState state)
    {
        if (tenants.TryGetValue(tenant, out var cached) && cached.Version == state.Version) return cached.Options;
        var configuration = state.Configuration;
        var options = Finish(tenant, new OpenIdConnectOptions
        {
            Authority = configuration.Issuer,
            ClientId = configuration.ClientId,
            ClientSecret = secrets.Unprotect(configuration.ProtectedClientSecret!),
            RequireHttpsMetadata = configuration.Issuer.StartsWith("https://", StringComparison.OrdinalIgnoreCase),
        });
        tenants[tenant] = (state.Version, options);
        return options;
    }

    private OpenIdConnectOptions Finish(string tenant, OpenIdConnectOptions options)
    {
        options.ResponseType = "code";
        // The answer comes back as a top-level GET, so the correlation and nonce cookies can be SameSite=Lax, which
        // browsers keep on plain http too (form_post would need SameSite=None, which they drop without https).
        options.ResponseMode = "query";
        options.UsePkce = true;
        options.Scope.Add("email");
        options.MapInboundClaims = false;
        options.SaveTokens = false;
        options.DisableTelemetry = true;
        options.CallbackPath = TenantSso.CallbackPath(tenant);
        options.SignedOutCallbackPath = TenantSso.SignedOutCallbackPath(tenant);
        options.RemoteSignOutPath = TenantSso.RemoteSignOutPath(tenant);
        options.SignedOutRedirectUri = PlatformSessions.SignInPath(tenant);
        options.SignInScheme = PlatformSessions.Scheme;
        options.SignOutScheme = PlatformSessions.Scheme;
        options.BackchannelTimeout = backchannelTimeout;
        options.TimeProvider = clock;
        options.EventsType = null;
        options.Events = TenantOidcEvents.Instance;
        var secure = api.Value.PublicBaseUrl?.StartsWith("https://", StringComparison.OrdinalIgnoreCase) == true
            ? CookieSecurePolicy.Always
            : CookieSecurePolicy.SameAsRequest;
        foreach (var cookie in new[] { options.CorrelationCookie, options.NonceCookie })
        {
            cookie.SameSite = SameSiteMode.Lax;
            cookie.SecurePolicy = secure;
        }
        new OpenIdConnectPostConfigureOptions(dataProtection).PostConfigure($"{TenantSso.Scheme}:{tenant}", options);
        return options;
    }
}
