using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace Scim.Api.Auth;

/// <summary>
/// Marks every cookie of the pages Secure (sessions and antiforgery) when the service's public address is https. Behind a
/// proxy that ends TLS each request arrives as http, so the request alone cannot say the cookies travel encrypted.
/// </summary>
internal sealed class SecureCookies(IOptions<ScimApiOptions> api) : IPostConfigureOptions<CookieAuthenticationOptions>, IPostConfigureOptions<AntiforgeryOptions>
{
    private bool PublicOverHttps => api.Value.PublicBaseUrl?.StartsWith("https://", StringComparison.OrdinalIgnoreCase) == true;

    public void PostConfigure(string? name, CookieAuthenticationOptions options)
    {
        if (PublicOverHttps) options.Cookie.SecurePolicy = CookieSecurePolicy.Always;
    }

    public void PostConfigure(string? name, AntiforgeryOptions options)
    {
        if (PublicOverHttps) options.Cookie.SecurePolicy = CookieSecurePolicy.Always;
    }
}
