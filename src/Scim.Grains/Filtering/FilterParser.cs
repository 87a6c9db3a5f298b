using System.Globalization;
using Scim.Grains.Interfaces.Errors;
using Scim.Grains.Interfaces.Text;
using Scim.Grains.Schemas;

namespace Scim.Grains.Filtering;

/// <summary>
/// A recursive-descent parser for RFC 7644 §3.4.2.2 filters and §3.5.2 PATCH paths. Precedence: not, and, or.
/// Tolerates what real clients send: unquoted values (older Entra clients, E13) and a sub-attribute after a value
/// filter (<c>emails[type eq "work"].value eq "x"</c>, read as <c>emails[type eq "work" and value eq "x"]</c>).
/// </summary>
public sealed class FilterParser
{
    public const int MaxLength = 4096;
    public const int MaxDepth = 32;

    private readonly IReadOnlyList<FilterToken> tokens;
    private Func<string, ScimException> error;
    private int position;
    private int depth;

    private FilterParser(string text, Func<string, ScimException> error)
    {
        this.error = error;
        if (text.Length > MaxLength) throw error($"The filter is longer than {MaxLength} characters.");
        if (AcceptedText.FirstRejected(text) is var at and >= 0) throw error($"The filter holds {AcceptedText.Describe(text, at)}.");
        tokens = FilterLexer.Tokenize(text);
    }

    /// <summary>Parses a filter; any error is a 400 invalidFilter.</summary>
    public static FilterNode Parse(string text)
    {
        var parser = new FilterParser(text, ScimException.InvalidFilter);
        if (parser.Peek.Kind == FilterTokenKind.End) throw ScimException.InvalidFilter("The filter is empty.");
        var node = parser.ParseOr();
        parser.ExpectEnd();
        return node;
    }

    /// <summary>Parses a PATCH path; a malformed path is a 400 invalidPath, a malformed value filter inside it a 400 invalidFilter.</summary>
    public static PatchPath ParsePatchPath(string text)
    {
        var parser = new FilterParser(text, ScimException.InvalidPath);
        var attribute = parser.ReadAttrPath();
        FilterNode? filter = null;
        string? sub = null;
        if (parser.Peek.Kind == FilterTokenKind.OpenBracket)
        {
            parser.position++;
            parser.error = ScimException.InvalidFilter;
            filter = parser.ParseOr();
            parser.error = ScimException.InvalidPath;
            parser.Expect(FilterTokenKind.CloseBracket, "']'");
            sub = parser.ReadTrailingSubAttribute();
        }
        parser.ExpectEnd();
        return new PatchPath(attribute, filter, sub);
    }

    private FilterToken Peek => tokens[position];

    private FilterNode ParseOr()
    {
        var left = ParseAnd();
        while (IsKeyword("or"))
        {
            position++;
            left = new Or(left, ParseAnd());
        }
        return left;
    }

    private FilterNode ParseAnd()
    {
        var left = ParseUnary();
        while (IsKeyword("and"))
        {
            position++;
            left = new And(left, ParseUnary());
        }
        return left;
    }

    private FilterNode ParseUnary()
    {
        if (++depth > MaxDepth) throw error($"The filter nests deeper than {MaxDepth} levels.");
        try
        {
            if (IsKeyword("not") && tokens[position + 1].Kind == FilterTokenKind.OpenParen)
            {
                position += 2;
                var inner = ParseOr();
                Expect(FilterTokenKind.CloseParen, "')'");
                return new Not(inner);
            }
            if (Peek.Kind == FilterTokenKind.OpenParen)
            {
                position++;
                var inner = ParseOr();
                Expect(FilterTokenKind.CloseParen, "')'");
                return inner;
            }
            return ParseAttributeExpression();
        }
        finally
        {
            depth--;
        }
    }

    private FilterNode ParseAttributeExpression()
    {
        var path = ReadAttrPath();
        if (Peek.Kind == FilterTokenKind.OpenBracket)
        {
            position++;
            var inner = ParseOr();
            Expect(FilterTokenKind.CloseBracket, "']'");
            var sub = ReadTrailingSubAttribute();
            return sub is null ? new ValuePath(path, inner) : new ValuePath(path, new And(inner, ParseOperation(new AttrPath(null, sub, null))));
        }
        return ParseOperation(path);
    }

    private FilterNode ParseOperation(AttrPath path)
    {
        var opToken = Peek;
        if (opToken.Kind != FilterTokenKind.Word) throw error($"Expected an operator after '{path}' at position {opToken.Position}.");
        position++;
        if (opToken.Text.Equals("pr", StringComparison.OrdinalIgnoreCase)) return new Present(path);
        var op = ParseCompareOp(opToken.Text) ?? throw error($"Unknown operator '{opToken.Text}' at position {opToken.Position}.");
        return new Compare(path, op, ReadLiteral());
    }

    private static CompareOp? ParseCompareOp(string text) => text.ToLowerInvariant() switch
    {
        "eq" => CompareOp.Eq, "ne" => CompareOp.Ne, "co" => CompareOp.Co, "sw" => CompareOp.Sw, "ew" => CompareOp.Ew,
        "gt" => CompareOp.Gt, "ge" => CompareOp.Ge, "lt" => CompareOp.Lt, "le" => CompareOp.Le,
        _ => null,
    };

    private ScimLiteral ReadLiteral()
    {
        var token = Peek;
        position++;
        return token.Kind switch
        {
            FilterTokenKind.QuotedString => new ScimLiteral(LiteralKind.String, token.Text),
            FilterTokenKind.Word when token.Text.Equals("true", StringComparison.OrdinalIgnoreCase) => new ScimLiteral(LiteralKind.Boolean, "true"),
            FilterTokenKind.Word when token.Text.Equals("false", StringComparison.OrdinalIgnoreCase) => new ScimLiteral(LiteralKind.Boolean, "false"),
            FilterTokenKind.Word when token.Text.Equals("null", StringComparison.OrdinalIgnoreCase) => new ScimLiteral(LiteralKind.Null, "null"),
            FilterTokenKind.Word when decimal.TryParse(token.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out _) =>
                new ScimLiteral(LiteralKind.Number, token.Text),
            FilterTokenKind.Word => new ScimLiteral(LiteralKind.Unquoted, token.Text),
            _ => throw error($"Expected a comparison value at position {token.Position}."),
        };
    }

    private AttrPath ReadAttrPath()
    {
        var token = Peek;
        if (token.Kind != FilterTokenKind.Word) throw error($"Expected an attribute path at position {token.Position}.");
        position++;
        return AttrPath.TryParse(token.Text) ?? throw error($"'{token.Text}' is not a valid attribute path.");
    }

    private string? ReadTrailingSubAttribute()
    {
        var token = Peek;
        if (token.Kind != FilterTokenKind.Word || !token.Text.StartsWith('.')) return null;
        position++;
        var sub = AttrPath.TryParse(token.Text[1..]);
        if (sub is null || sub.Urn is not null || sub.SubAttribute is not null) throw error($"'{token.Text}' is not a valid sub-attribute.");
        return sub.Name;
    }

    private bool IsKeyword(string keyword) =>
        Peek.Kind == FilterTokenKind.Word && Peek.Text.Equals(keyword, StringComparison.OrdinalIgnoreCase);

    private void Expect(FilterTokenKind kind, string what)
    {
        if (Peek.Kind != kind) throw error($"Expected {what} at position {Peek.Position}.");
        position++;
    }

    private void ExpectEnd()
    {
        if (Peek.Kind != FilterTokenKind.End) throw error($"Unexpected '{Peek.Text}' at position {Peek.Position}.");
    }
}
