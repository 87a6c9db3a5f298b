using Scim.Grains.Interfaces.Errors;

namespace Scim.Grains.Resources;

/// <summary>If-Match preconditions (RFC 7644 §3.14, RFC 9110 §13.1.1) against a resource version, compared weakly.</summary>
public static class ETags
{
    public static void Check(string? ifMatch, long version)
    {
        if (ifMatch is null) return;
        var tags = ifMatch.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var current = version.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (tags.Any(tag => tag == "*" || Opaque(tag) == current)) return;
        throw ScimException.PreconditionFailed($"The resource's version is W/\"{current}\", not {ifMatch}.");
    }

    private static string Opaque(string tag) => (tag.StartsWith("W/", StringComparison.Ordinal) ? tag[2..] : tag).Trim('"');
}
