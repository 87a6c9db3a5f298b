namespace Scim.Grains.Interfaces.Text;

/// <summary>
/// What text the service stores and searches, wherever it arrives (a body, a query parameter, a filter literal):
/// well-formed UTF-16 without control characters other than tab, line feed and carriage return. PostgreSQL refuses
/// U+0000 and lone surrogates cannot be encoded, so both backends refuse them up front instead of failing in storage.
/// </summary>
public static class AcceptedText
{
    /// <summary>The index of the first character that is not accepted, or -1.</summary>
    public static int FirstRejected(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c < ' ' && c is not ('\t' or '\n' or '\r')) return i;
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) { i++; continue; }
            if (char.IsSurrogate(c)) return i;
        }
        return -1;
    }

    /// <summary>Why the character at <paramref name="index"/> is not accepted, for an error message.</summary>
    public static string Describe(ReadOnlySpan<char> text, int index) => char.IsSurrogate(text[index])
        ? $"a lone UTF-16 surrogate (U+{(int)text[index]:X4}); send well-formed Unicode"
        : $"the control character U+{(int)text[index]:X4}; only tab, line feed and carriage return are allowed";
}
