using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Scim.Grains.Documents;

/// <summary>
/// Passwords (writeOnly, returned never) are kept only as hashes in the document's 'password' attribute, made by
/// ASP.NET Core Identity's hasher: format V3, PBKDF2 with HMAC-SHA512, <see cref="Iterations"/> iterations and a
/// 128-bit salt. Hashes of the service's earlier format (PBKDF2-SHA256, <c>pbkdf2-sha256$...</c>) still verify and ask
/// to be made again, so they are replaced at the next successful sign-in.
/// </summary>
public static class PasswordHashes
{
    public const int Iterations = 100_000;
    public const string Attribute = "password";
    private const string LegacyPrefix = "pbkdf2-sha256$";

    // Identity's hasher takes the user only to pass it to derived hashers; the default one ignores it.
    private static readonly object AnyUser = new();

    private static readonly PasswordHasher<object> Hasher = new(Options.Create(new PasswordHasherOptions
    {
        CompatibilityMode = PasswordHasherCompatibilityMode.IdentityV3,
        IterationCount = Iterations,
    }));

    public static string Hash(string password) => Hasher.HashPassword(AnyUser, password);

    /// <summary>
    /// Replaces a password the client has just set in normalized attributes by its hash. A value equal to the stored one
    /// is the stored hash kept as it is (a PUT that leaves the password out, a PATCH of other attributes); any other value
    /// is a password, even one that looks like a hash, so no client can plant a hash of its choosing.
    /// </summary>
    public static void HashNew(JsonObject attributes, JsonObject? stored)
    {
        if (ResourceDocument.GetString(attributes, Attribute) is { } password
            && (stored is null || password != ResourceDocument.GetString(stored, Attribute)))
            attributes[Attribute] = Hash(password);
    }

    /// <summary>The stored password hash of a user document, if it has one.</summary>
    public static string? Of(JsonObject document) => ResourceDocument.GetString(document, Attribute);

    /// <summary>Whether the password matches the stored hash; a user without one is checked against nothing at the same cost.</summary>
    public static PasswordCheck Verify(string? stored, string password)
    {
        if (stored is null)
        {
            Hash(password);
            return PasswordCheck.Failed;
        }
        if (stored.StartsWith(LegacyPrefix, StringComparison.Ordinal)) return VerifyLegacy(stored, password) ? PasswordCheck.RehashNeeded : PasswordCheck.Failed;
        try
        {
            return Hasher.VerifyHashedPassword(AnyUser, stored, password) switch
            {
                PasswordVerificationResult.Success => PasswordCheck.Matches,
                PasswordVerificationResult.SuccessRehashNeeded => PasswordCheck.RehashNeeded,
                _ => PasswordCheck.Failed,
            };
        }
        catch (FormatException)
        {
            return PasswordCheck.Failed;
        }
    }

    /// <summary><c>pbkdf2-sha256${iterations}${salt}${hash}</c>, salt and hash in base64.</summary>
    private static bool VerifyLegacy(string stored, string password)
    {
        var parts = stored[LegacyPrefix.Length..].Split('$');
        if (parts.Length != 3 || !int.TryParse(parts[0], out var iterations) || iterations < 1) return false;
        try
        {
            var (salt, expected) = (Convert.FromBase64String(parts[1]), Convert.FromBase64String(parts[2]));
            var actual = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA256, expected.Length);
            return CryptographicOperations.FixedTimeEquals(actual, expected);
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
