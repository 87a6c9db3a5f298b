using Scim.Grains.Interfaces.Platform;
using Scim.Grains.Interfaces.References;
using Scim.Grains.Interfaces.Tenants;

namespace Scim.Api.Auth;

/// <summary>
/// The changes to what a tenant's SCIM token checks depend on: a token issued (which may supersede the provider's
/// previous one) or revoked, the integration opened or closed. Every page and endpoint makes them here, and each makes
/// this process forget the tenant's kept checks (<see cref="TokenCheckCache"/>) once the grain has answered or failed,
/// so that this process refuses a revoked token at once. Not a grain call filter: any outgoing filter puts every grain
/// call of the process on Orleans' slower filtered path (about a tenth of a read by id's CPU).
/// </summary>
public sealed class TokenChanges(IGrainFactory grains, TokenCheckCache checks)
{
    public Task<IssuedToken> IssueAsync(string tenant, TokenRequest request) =>
        ForgettingAsync(tenant, () => grains.Grain<ITokenSetGrain>(tenant).MintAsync(request));

    public Task RevokeAsync(string tenant, string tokenId) =>
        ForgettingAsync(tenant, async () =>
        {
            await grains.Grain<ITokenSetGrain>(tenant).RevokeAsync(tokenId);
            return true;
        });

    public Task<ConnectorState> ActivateAsync(string tenant, string activatedBy) =>
        ForgettingAsync(tenant, () => grains.Grain<ITenantGrain>(tenant).ActivateAsync(activatedBy));

    public Task<ConnectorState> DeactivateAsync(string tenant) => ForgettingAsync(tenant, grains.Grain<ITenantGrain>(tenant).DeactivateAsync);

    private async Task<T> ForgettingAsync<T>(string tenant, Func<Task<T>> change)
    {
        try
        {
            return await change();
        }
        finally
        {
            checks.Forget(tenant);
        }
    }
}
