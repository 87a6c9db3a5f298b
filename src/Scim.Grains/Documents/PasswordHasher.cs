using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Scim.Grains.Documents;

/// <summary>
/// Passwords (writeOnly, returned never) are stored only as salted PBKDF2-SHA256 hashes in the document's
/// 'password' attribute; a value already in that form is kept as it is.
/// </summary>
public static class PasswordHasher
{
    private const string Prefix = "pbkdf2-sha256$";
    private const int Iterations = 100_000;

    /// <summary>Replaces a cleartext 'password' in normalized attributes with its hash.</summary>
    public static void HashInPlace(JsonObject attributes)
    {
        if (ResourceDocument.GetString(attributes, "password") is { } password && !password.StartsWith(Prefix, StringComparison.Ordinal))
            attributes["password"] = Hash(password);
    }

    public static string Hash(string password)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        var hash = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, Iterations, HashAlgorithmName.SHA256, 32);
        return $"{Prefix}{Iterations}${Convert.ToBase64String(salt)}${Convert.ToBase64String(hash)}";
    }
}
