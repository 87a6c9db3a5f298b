using System.Security.Cryptography;
using Scim.Grains.Interfaces.Tenants;

namespace Scim.Grains.Interfaces.Platform;

/// <summary>
/// The format of platform admin keys, <c>scimadm_{tenant}_{id}.{secret}</c>: the tenant tells which tenant's key set
/// to check (so a key presented to another tenant is recognised as foreign, not just wrong), the id finds the stored
/// hash, the secret (256 random bits) is hashed and compared.
/// </summary>
public static class AdminKeys
{
    private const string Prefix = "scimadm_";

    public static string Format(string tenant, string id, string secret) => $"{Prefix}{tenant}_{id}.{secret}";

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

    public static byte[] Hash(string secret) => BearerTokens.Hash(secret);

    public static string NewId() => BearerTokens.NewId();

    public static string NewSecret() => Convert.ToHexString(RandomNumberGenerator.GetBytes(32)).ToLowerInvariant();
}

/// <summary>A newly issued admin key: shown only in this response.</summary>
[GenerateSerializer, Immutable, Alias("scim.IssuedAdminKey")]
public sealed record IssuedAdminKey(
    [property: Id(0)] string Id,
    [property: Id(1)] string Key,
    [property: Id(2)] string UserId,
    [property: Id(3)] DateTimeOffset Created);

/// <summary>An admin key as lists show it: never the secret.</summary>
[GenerateSerializer, Immutable, Alias("scim.AdminKeyInfo")]
public sealed record AdminKeyInfo(
    [property: Id(0)] string Id,
    [property: Id(1)] string UserId,
    [property: Id(2)] DateTimeOffset Created,
    [property: Id(3)] DateTimeOffset? Revoked);
