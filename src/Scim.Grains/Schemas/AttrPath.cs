namespace Scim.Grains.Schemas;

/// <summary>
/// An attribute path (RFC 7644 §3.10): an optional schema URN, an attribute name and an optional sub-attribute,
/// as written by the client (names are resolved case-insensitively later).
/// </summary>
public sealed record AttrPath(string? Urn, string Name, string? SubAttribute)
{
    /// <summary>
    /// Parses <c>name</c>, <c>name.sub</c> or <c>urn:...:name[.sub]</c>. A URN ends at its last ':' (schema URNs contain
    /// dots, as in "2.0", so dots are only looked for after it). Returns null when the text is not an attribute path.
    /// </summary>
    public static AttrPath? TryParse(string text)
    {
        string? urn = null;
        var rest = text;
        if (text.StartsWith("urn:", StringComparison.OrdinalIgnoreCase))
        {
            var colon = text.LastIndexOf(':');
            urn = text[..colon];
            rest = text[(colon + 1)..];
        }
        var dot = rest.IndexOf('.', StringComparison.Ordinal);
        var name = dot < 0 ? rest : rest[..dot];
        var sub = dot < 0 ? null : rest[(dot + 1)..];
        return IsName(name) && (sub is null || IsName(sub)) ? new AttrPath(urn, name, sub) : null;
    }

    /// <summary>ATTRNAME = ALPHA *(nameChar), plus the reserved "$ref" (RFC 7643 §2.1).</summary>
    private static bool IsName(string name) =>
        name == "$ref" || (name.Length > 0 && char.IsAsciiLetter(name[0]) && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'));

    public override string ToString() =>
        (Urn is null ? "" : Urn + ":") + Name + (SubAttribute is null ? "" : "." + SubAttribute);
}
