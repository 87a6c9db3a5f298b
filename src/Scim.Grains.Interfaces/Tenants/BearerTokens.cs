using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Scim.Grains.Interfaces.Tenants;

/// <summary>
/// The format of SCIM bearer tokens, <c>scim_{id}.{secret}</c>: the id finds the stored hash in O(1), the secret
/// (256 random bits) is what is hashed and compared. Shared by the API (which hashes what it receives) and the
/// token grain (which mints tokens).
/// </summary>
public static class BearerTokens
{
    private const string Prefix = "scim_";

    public static string NewId() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(9));

    public static string NewSecret() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public static string Format(string id, string secret) => $"{Prefix}{id}.{secret}";

    public static bool TryParse(string token, out string id, out string secret)
    {
        id = secret = "";
        if (!token.StartsWith(Prefix, StringComparison.Ordinal)) return false;
        var dot = token.IndexOf('.', Prefix.Length);
        if (dot < 0) return false;
        id = token[Prefix.Length..dot];
        secret = token[(dot + 1)..];
        return id.Length > 0 && secret.Length > 0;
    }

    public static byte[] Hash(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));
}
