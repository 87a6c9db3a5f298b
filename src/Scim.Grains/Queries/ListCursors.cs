using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Scim.Grains.Interfaces.Errors;
using Scim.Grains.Interfaces.Resources;

namespace Scim.Grains.Queries;

/// <summary>
/// RFC 9865 cursors: opaque base64url text holding the creation sequence of the last resource of a page and a
/// fingerprint of the query (resource type and filter), so a cursor only continues the query that produced it.
/// Cursors point at a position, not at a stored result set, so they do not expire.
/// </summary>
public static class ListCursors
{
    private const int FingerprintBytes = 8;

    public static string Encode(long afterSequence, ResourceKind kind, string? filter)
    {
        Span<byte> bytes = stackalloc byte[8 + FingerprintBytes];
        BinaryPrimitives.WriteInt64BigEndian(bytes, afterSequence);
        Fingerprint(kind, filter).CopyTo(bytes[8..]);
        return Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary>The sequence to continue after: 0 for an empty cursor (the first page); a 400 invalidCursor for anything not ours.</summary>
    public static long Decode(string cursor, ResourceKind kind, string? filter)
    {
        if (cursor.Length == 0) return 0;
        var text = cursor.Replace('-', '+').Replace('_', '/');
        text = text.PadRight(text.Length + (4 - text.Length % 4) % 4, '=');
        Span<byte> bytes = stackalloc byte[8 + FingerprintBytes + 2];
        if (!Convert.TryFromBase64String(text, bytes, out var written) || written != 8 + FingerprintBytes)
            throw ScimException.InvalidCursor($"'{cursor}' is not a cursor of this service.");
        if (!bytes[8..written].SequenceEqual(Fingerprint(kind, filter)))
            throw ScimException.InvalidCursor("The cursor belongs to another query: send the same resource type and filter as for the first page.");
        var sequence = BinaryPrimitives.ReadInt64BigEndian(bytes);
        return sequence >= 0 ? sequence : throw ScimException.InvalidCursor($"'{cursor}' is not a cursor of this service.");
    }

    private static byte[] Fingerprint(ResourceKind kind, string? filter) =>
        SHA256.HashData(Encoding.UTF8.GetBytes($"{kind}\n{filter?.Trim()}"))[..FingerprintBytes];
}
