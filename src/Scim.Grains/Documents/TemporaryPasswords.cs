using System.Security.Cryptography;
using System.Text;

namespace Scim.Grains.Documents;

/// <summary>
/// Temporary passwords: 20 characters from a CSPRNG, over an alphabet without look-alikes (about 116 bits). Nobody
/// chose them, so no dictionary can guess them: like tokens they are kept as SHA-256 and compared in constant time,
/// without the slow hash a chosen password needs (which would cost every silo a tenth of a second of CPU per mail).
/// </summary>
public static class TemporaryPasswords
{
    public const int Length = 20;
    private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    public static string New() => RandomNumberGenerator.GetString(Alphabet, Length);

    public static byte[] Hash(string password) => SHA256.HashData(Encoding.UTF8.GetBytes(password));

    public static bool Matches(byte[] hash, string password) => CryptographicOperations.FixedTimeEquals(hash, Hash(password));
}
