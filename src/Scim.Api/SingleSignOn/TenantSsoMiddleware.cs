using Scim.Grains.Interfaces.Platform;
using Scim.Grains.Interfaces.References;

namespace Scim.Api.SingleSignOn;

/// <summary>
/// Before authentication: when a request is a step of a tenant's sign-in (<see cref="TenantSso.TenantOf"/>), finds the
/// tenant's settings, so the handler built for the request has that tenant's options. Other requests pass untouched.
/// </summary>
public sealed class TenantSsoMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext http, TenantSsoRequests requests, IGrainFactory grains, ILogger<TenantSsoMiddleware> logger)
    {
        if (TenantSso.TenantOf(http.Request.Path) is { } tenant && await grains.Grain<ISingleSignOnGrain>(tenant).GetAsync() is { } settings)
        {
            try
            {
                requests.Use(tenant, settings);
            }
            catch (System.Security.Cryptography.CryptographicException e)
            {
                // A secret protected under a key this service no longer has: the admin must enter it again.
                logger.LogWarning(e, "The single sign-on client secret of tenant {Tenant} cannot be opened", tenant);
            }
        }
        await next(http);
    }
}
