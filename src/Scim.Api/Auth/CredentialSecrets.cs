using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Scim.Api.Auth;

/// <summary>
/// What bearer tokens and admin keys share: a random id the key set finds the stored hash by, and the SHA-256 of the
/// secret, which is all a grain ever keeps and compares.
/// </summary>
public static class CredentialSecrets
{
    /// <summary>A credential id: 72 random bits, enough that ids never collide within a tenant.</summary>
    public static string NewId() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(9));

    public static byte[] Hash(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));
}
