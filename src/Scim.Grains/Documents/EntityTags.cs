using System.Globalization;

namespace Scim.Grains.Documents;

/// <summary>
/// Resource versions as weak entity tags (<c>W/"n"</c>) and the weak comparison of RFC 9110 §8.8.3.2 against an
/// If-Match or If-None-Match header value (a list of tags, or <c>*</c>). Both conditions are decided in the resource's grain.
/// </summary>
public static class EntityTags
{
    public static string Of(long version) => $"W/\"{version.ToString(CultureInfo.InvariantCulture)}\"";

    public static bool AnyMatches(string header, long version)
    {
        var current = version.ToString(CultureInfo.InvariantCulture);
        return header.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Any(tag => tag == "*" || Opaque(tag) == current);
    }

    private static string Opaque(string tag) => (tag.StartsWith("W/", StringComparison.Ordinal) ? tag[2..] : tag).Trim('"');
}
