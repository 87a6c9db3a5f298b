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
    private (IEnumerable<AuthenticationScheme> All, AuthenticationScheme[] Offered)? last;

    public override async Task<IEnumerable<AuthenticationScheme>> GetRequestHandlerSchemesAsync()
    {
        var all = await base.GetRequestHandlerSchemesAsync();
        if (last is { } known && ReferenceEquals(known.All, all)) return known.Offered;
        var offered = all.Where(scheme => scheme.Name != TenantSso.Scheme).ToArray();
        last = (all, offered);
        return offered;
    }
}
