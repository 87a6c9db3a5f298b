using System.Buffers.Text;
using System.Security.Cryptography;

namespace Scim.Api.Auth;

/// <summary>
/// The format of SCIM bearer tokens, <c>scim_{id}.{secret}</c>: the id finds the stored hash in O(1), the secret
/// (256 random bits) is what is hashed and compared. Tokens are minted and checked here, in the API process: the
/// token grain only ever sees an id and the SHA-256 of a secret.
/// </summary>
public static class BearerTokens
{
    private const string Prefix = "scim_";

    /// <summary>A new token: its id, its full value (shown once) and the hash the token grain keeps.</summary>
    public static (string Id, string Token, byte[] SecretHash) Mint()
    {
        var (id, secret) = (CredentialSecrets.NewId(), Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32)));
        return (id, $"{Prefix}{id}.{secret}", CredentialSecrets.Hash(secret));
    }

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
}
