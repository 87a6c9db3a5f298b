using System.Text;
using Scim.Grains.Interfaces.Errors;
using Scim.Grains.Interfaces.Text;

namespace Scim.Grains.Filtering;

/// <summary>
/// Splits a filter into words, quoted strings and brackets. Words are maximal runs of characters other than
/// whitespace, quotes and brackets, so unquoted values such as <c>example.com</c> or a dateTime stay whole.
/// </summary>
public static class FilterLexer
{
    public static IReadOnlyList<FilterToken> Tokenize(string text)
    {
        var tokens = new List<FilterToken>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c)) { i++; continue; }
            switch (c)
            {
                case '(': tokens.Add(new(FilterTokenKind.OpenParen, "(", i++)); continue;
                case ')': tokens.Add(new(FilterTokenKind.CloseParen, ")", i++)); continue;
                case '[': tokens.Add(new(FilterTokenKind.OpenBracket, "[", i++)); continue;
                case ']': tokens.Add(new(FilterTokenKind.CloseBracket, "]", i++)); continue;
                case '"': tokens.Add(ReadQuoted(text, ref i)); continue;
            }
            var start = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] is not ('(' or ')' or '[' or ']' or '"')) i++;
            tokens.Add(new(FilterTokenKind.Word, text[start..i], start));
        }
        tokens.Add(new(FilterTokenKind.End, "", text.Length));
        return tokens;
    }

    /// <summary>Reads a JSON string literal (RFC 7159 escapes), starting at its opening quote.</summary>
    private static FilterToken ReadQuoted(string text, ref int i)
    {
        var start = i++;
        var value = new StringBuilder();
        while (i < text.Length)
        {
            var c = text[i++];
            if (c == '"') return Literal(value.ToString(), start);
            if (c != '\\') { value.Append(c); continue; }
            if (i >= text.Length) break;
            var e = text[i++];
            switch (e)
            {
                case '"' or '\\' or '/': value.Append(e); break;
                case 'b': value.Append('\b'); break;
                case 'f': value.Append('\f'); break;
                case 'n': value.Append('\n'); break;
                case 'r': value.Append('\r'); break;
                case 't': value.Append('\t'); break;
                case 'u' when i + 4 <= text.Length && ushort.TryParse(text.AsSpan(i, 4), System.Globalization.NumberStyles.HexNumber, null, out var code):
                    value.Append((char)code);
                    i += 4;
                    break;
                default: throw ScimException.InvalidFilter($"Invalid escape '\\{e}' in the string starting at position {start}.");
            }
        }
        throw ScimException.InvalidFilter($"Unterminated string starting at position {start}.");
    }

    /// <summary>A quoted literal, once its escapes are undone: they may not spell text the service does not accept.</summary>
    private static FilterToken Literal(string value, int start) => AcceptedText.FirstRejected(value) is var at and >= 0
        ? throw ScimException.InvalidFilter($"The string starting at position {start} holds {AcceptedText.Describe(value, at)}.")
        : new(FilterTokenKind.QuotedString, value, start);
}
