using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Scim.Api.SingleSignOn;

/// <summary>
/// The authentication schemes, with the tenant sign-in left out of those the authentication middleware offers every
/// request to: building its OpenID Connect handler costs each SCIM call, and only a tenant's sign-in paths can be its
/// steps, which <see cref="TenantSsoMiddleware"/> hands it.
/// </summary>
public sealed class TenantSsoSchemes(IOptions<AuthenticationOptions> options) : AuthenticationSchemeProvider(options)
{
    // A reference, so that requests on other threads read both halves of the same pair.
    private Filtered? last;

    public override async Task<IEnumerable<AuthenticationScheme>> GetRequestHandlerSchemesAsync()
    {
        var all = await base.GetRequestHandlerSchemesAsync();
        if (last is { } known && ReferenceEquals(known.All, all)) return known.Offered;
        var offered = all.Where(scheme => scheme.Name != TenantSso.Scheme).ToArray();
        last = new Filtered(all, offered);
        return offered;
    }

    /// <summary>The base's request handlers (it keeps the same list until schemes change) and those offered of them.</summary>
    private sealed record Filtered(IEnumerable<AuthenticationScheme> All, AuthenticationScheme[] Offered);
}
