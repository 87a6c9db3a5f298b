namespace Scim.Grains.Interfaces.Tenants;

/// <summary>
/// The SCIM bearer tokens of one tenant, keyed by tenant id. Secrets are stored only as SHA-256 hashes and
/// compared in constant time; callers hand over the hash, never the secret.
/// </summary>
[Alias("scim.ITokenSetGrain")]
public interface ITokenSetGrain : IGrainWithStringKey
{
    /// <summary>Marks the tenant as existing; called once by the tenant grain when it is created.</summary>
    Task InitializeAsync();

    /// <summary>Issues a token (at least 256 random bits) bound to this tenant and an identity provider.</summary>
    Task<IssuedToken> IssueAsync(string identityProvider);

    /// <summary>Revokes a token at once; 404 when the tenant has no such token.</summary>
    Task RevokeAsync(string tokenId);

    /// <summary>Checks a presented token (its id and the SHA-256 of its secret) and returns who it speaks for.</summary>
    Task<TokenCheck> AuthenticateAsync(string tokenId, byte[] secretHash);
}
