using System.Security.Cryptography;

namespace Scim.Grains.Mail;

/// <summary>Temporary passwords: 20 characters from a CSPRNG, over an alphabet without look-alikes (about 113 bits).</summary>
public static class TemporaryPasswords
{
    public const int Length = 20;
    private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    public static string New() => RandomNumberGenerator.GetString(Alphabet, Length);
}
