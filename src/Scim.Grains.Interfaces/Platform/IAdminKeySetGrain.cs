namespace Scim.Grains.Interfaces.Platform;

/// <summary>
/// The admin keys of one tenant, keyed by tenant id: each opens that tenant's platform admin API for one admin or owner
/// (checked again at every use, so a demoted or deleted user's keys stop working). Only SHA-256 hashes are stored.
/// </summary>
[Alias("scim.IAdminKeySetGrain")]
public interface IAdminKeySetGrain : IGrainWithStringKey
{
    /// <summary>
    /// Keeps a new key (its id and the SHA-256 of its secret) for a user of the tenant whose role is admin or owner (400
    /// otherwise, 404 for an unknown user, 409 when the id is taken).
    /// </summary>
    Task<AdminKeyInfo> IssueAsync(string userId, string keyId, byte[] secretHash);

    Task<IReadOnlyList<AdminKeyInfo>> ListAsync();

    /// <summary>Revokes a key at once; 404 when the tenant has no such key.</summary>
    Task RevokeAsync(string keyId);

    /// <summary>The user a presented key (id and SHA-256 of its secret) speaks for, when the key is valid and the user still an admin or owner.</summary>
    Task<string?> AuthenticateAsync(string keyId, byte[] secretHash);
}
