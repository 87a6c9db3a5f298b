namespace Scim.Grains.Interfaces.Tenants;

/// <summary>
/// The SCIM bearer tokens of one tenant, keyed by tenant id. Secrets are stored only as SHA-256 hashes and compared in
/// constant time; the API mints tokens and hands over ids and hashes, never a secret. At most one token per identity provider is active: a
/// new one supersedes the previous at once or after an overlap. Also holds whether the tenant's integration is active,
/// so the check of a SCIM call is one grain call (the API keeps a check that let a request in for a second).
/// </summary>
[Alias("scim.ITokenSetGrain")]
public interface ITokenSetGrain : IGrainWithStringKey
{
    /// <summary>Marks the tenant as existing; called once by the tenant grain when it is created.</summary>
    Task InitializeAsync();

    /// <summary>
    /// Keeps a new token (its id and the SHA-256 of a secret of at least 256 random bits) bound to this tenant and an
    /// identity provider; the provider's active token, if any, stops working now or after
    /// <see cref="TokenRequest.OverlapMinutes"/> (0-1440). 409 when the id is taken.
    /// </summary>
    Task<TokenInfo> IssueAsync(TokenRequest request, string tokenId, byte[] secretHash);

    /// <summary>Every token issued, newest first, with its state; never a secret.</summary>
    Task<IReadOnlyList<TokenInfo>> ListAsync();

    /// <summary>Revokes a token at once; 404 when the tenant has no such token.</summary>
    Task RevokeAsync(string tokenId);

    /// <summary>Opens or closes the tenant's SCIM integration (called by the tenant grain).</summary>
    Task SetIntegrationActiveAsync(bool active);

    /// <summary>Checks a presented token (its id and the SHA-256 of its secret) and returns who it speaks for.</summary>
    Task<TokenCheck> AuthenticateAsync(string tokenId, byte[] secretHash);
}
