using Scim.Grains.Interfaces.Platform;
using Scim.Grains.Interfaces.Tenants;

namespace Scim.Api.Auth;

/// <summary>
/// Issuing a credential: it is minted in the API process and only its id and the hash of its secret go to the grain
/// that keeps it, so a secret never reaches a silo or grain storage.
/// </summary>
public static class CredentialMinting
{
    public static async Task<IssuedToken> MintAsync(this ITokenSetGrain tokens, TokenRequest request)
    {
        var (id, token, secretHash) = BearerTokens.Mint();
        var issued = await tokens.IssueAsync(request, id, secretHash);
        return new IssuedToken(issued.Id, token, issued.IdentityProvider, issued.Created, issued.Name, issued.CreatedBy);
    }

    public static async Task<IssuedAdminKey> MintAsync(this IAdminKeySetGrain keys, string tenant, string userId)
    {
        var (id, key, secretHash) = AdminKeys.Mint(tenant);
        var issued = await keys.IssueAsync(userId, id, secretHash);
        return new IssuedAdminKey(issued.Id, key, issued.UserId, issued.Created);
    }
}
