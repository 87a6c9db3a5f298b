using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;
using Scim.Grains.Interfaces.Platform;

namespace Scim.Api.SingleSignOn;

/// <summary>
/// The tenant sign-in a request is a step of, if any, for this request only (scoped): the handler reads its options
/// here, so each tenant's options are found at request time rather than registered as a scheme per tenant at start.
/// </summary>
public sealed class TenantSsoRequests(TenantOidcOptions tenants) : IOptionsMonitor<OpenIdConnectOptions>
{
    public string? Tenant { get; private set; }

    public SsoState? Settings { get; private set; }

    private OpenIdConnectOptions? options;

    /// <summary>Makes the request one of the tenant's sign-in; when its options cannot be built (the secret does not open), it stays no one's.</summary>
    public void Use(string tenant, SsoState settings)
    {
        options = tenants.For(tenant, settings);
        (Tenant, Settings) = (tenant, settings);
    }

    public OpenIdConnectOptions CurrentValue => Get(null);

    public OpenIdConnectOptions Get(string? name) => options ?? tenants.Inert;

    public IDisposable? OnChange(Action<OpenIdConnectOptions, string?> listener) => null;
}
