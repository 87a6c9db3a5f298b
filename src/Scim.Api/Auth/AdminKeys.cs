using System.Security.Cryptography;
using Scim.Api.Http;

namespace Scim.Api.Auth;

/// <summary>
/// The format of platform admin keys, <c>scimadm_{tenant}_{id}.{secret}</c>: the tenant tells which tenant's key set
/// to check (so a key presented to another tenant is recognised as foreign, not just wrong), the id finds the stored
/// hash, the secret (256 random bits) is hashed and compared. Minted and checked here, like <see cref="BearerTokens"/>.
/// </summary>
public static class AdminKeys
{
    private const string Prefix = "scimadm_";

    /// <summary>A new key of a tenant: its id, its full value (shown once) and the hash the key set keeps.</summary>
    public static (string Id, string Key, byte[] SecretHash) Mint(string tenant)
    {
        var (id, secret) = (CredentialSecrets.NewId(), Convert.ToHexString(RandomNumberGenerator.GetBytes(32)).ToLowerInvariant());
        return (id, $"{Prefix}{tenant}_{id}.{secret}", CredentialSecrets.Hash(secret));
    }

    public static bool TryParse(string key, out string tenant, out string id, out string secret)
    {
        tenant = id = secret = "";
        if (!key.StartsWith(Prefix, StringComparison.Ordinal)) return false;
        var underscore = key.IndexOf('_', Prefix.Length);
        var dot = underscore < 0 ? -1 : key.IndexOf('.', underscore);
        if (dot < 0) return false;
        (tenant, id, secret) = (key[Prefix.Length..underscore], key[(underscore + 1)..dot], key[(dot + 1)..]);
        return TenantIds.IsValid(tenant) && id.Length > 0 && secret.Length > 0;
    }
}
