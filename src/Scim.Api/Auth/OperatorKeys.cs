using System.Security.Cryptography;
using System.Text;

namespace Scim.Api.Auth;

/// <summary>The operator key: one configured secret, compared by SHA-256 hashes in constant time.</summary>
public static class OperatorKeys
{
    /// <summary>Who the operator is in records that name a caller, e.g. a token's creator.</summary>
    public const string Caller = "operator";

    public static bool Matches(string presented, string configured) =>
        configured.Length > 0 && CryptographicOperations.FixedTimeEquals(Hash(presented), Hash(configured));

    private static byte[] Hash(string value) => SHA256.HashData(Encoding.UTF8.GetBytes(value));
}
