using Microsoft.AspNetCore.Authentication;
using Scim.Grains.Interfaces.Platform;
using Scim.Grains.Interfaces.References;

namespace Scim.Api.SingleSignOn;

/// <summary>
/// Before authentication: when a request is a step of a tenant's sign-in (<see cref="TenantSso.TenantOf"/>), finds the
/// tenant's settings, so the handler built for the request has that tenant's options, and lets that handler take the
/// provider's callbacks. Other requests pass untouched: the authentication middleware does not offer them to the
/// handler (<see cref="TenantSsoSchemes"/>), which would otherwise be built for every SCIM call.
/// </summary>
public sealed class TenantSsoMiddleware(RequestDelegate next, IGrainFactory grains, ILogger<TenantSsoMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext http)
    {
        if (TenantSso.TenantOf(http.Request.Path) is { } tenant && await grains.Grain<ISingleSignOnGrain>(tenant).GetAsync() is { } settings
            && Use(http, tenant, settings)
            && await http.RequestServices.GetRequiredService<IAuthenticationHandlerProvider>().GetHandlerAsync(http, TenantSso.Scheme)
                is IAuthenticationRequestHandler handler
            && await handler.HandleRequestAsync())
            return;
        await next(http);
    }

    private bool Use(HttpContext http, string tenant, SsoState settings)
    {
        try
        {
            http.RequestServices.GetRequiredService<TenantSsoRequests>().Use(tenant, settings);
            return true;
        }
        catch (System.Security.Cryptography.CryptographicException e)
        {
            // A secret protected under a key this service no longer has: the admin must enter it again.
            logger.LogWarning(e, "The single sign-on client secret of tenant {Tenant} cannot be opened", tenant);
            return false;
        }
    }
}
