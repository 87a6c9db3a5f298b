using Scim.Grains.Filtering;
using Scim.Grains.Interfaces.Errors;
using Scim.Grains.Schemas;

namespace Scim.Grains.Tests.Filtering;

public sealed class FilterParserTests
{
    private static Compare Cmp(string name, CompareOp op, LiteralKind kind, string text, string? sub = null, string? urn = null) =>
        new(new AttrPath(urn, name, sub), op, new ScimLiteral(kind, text));

    [Fact]
    public void Parse_SimpleEquality_ProducesCompareNode() =>
        Assert.Equal(Cmp("userName", CompareOp.Eq, LiteralKind.String, "bjensen"), FilterParser.Parse("userName eq \"bjensen\""));

    [Fact]
    public void Parse_AndBindsTighterThanOr() =>
        Assert.Equal(
            new Or(Cmp("a", CompareOp.Eq, LiteralKind.String, "1"), new And(Cmp("b", CompareOp.Eq, LiteralKind.String, "2"), Cmp("c", CompareOp.Eq, LiteralKind.String, "3"))),
            FilterParser.Parse("a eq \"1\" or b eq \"2\" and c eq \"3\""));

    [Fact]
    public void Parse_ParenthesesOverridePrecedence() =>
        Assert.Equal(
            new And(new Or(Cmp("a", CompareOp.Eq, LiteralKind.String, "1"), Cmp("b", CompareOp.Eq, LiteralKind.String, "2")), Cmp("c", CompareOp.Eq, LiteralKind.String, "3")),
            FilterParser.Parse("(a eq \"1\" or b eq \"2\") and c eq \"3\""));

    [Fact]
    public void Parse_NotWithPresent_ProducesNotNode() =>
        Assert.Equal(new Not(new Present(new AttrPath(null, "title", null))), FilterParser.Parse("not (title pr)"));

    [Fact]
    public void Parse_ValuePathWithAnd_ProducesValuePathNode() =>
        Assert.Equal(
            new ValuePath(new AttrPath(null, "emails", null), new And(Cmp("type", CompareOp.Eq, LiteralKind.String, "work"), Cmp("value", CompareOp.Co, LiteralKind.String, "@x"))),
            FilterParser.Parse("emails[type eq \"work\" and value co \"@x\"]"));

    [Fact]
    public void Parse_ValuePathFollowedBySubAttribute_FoldsTheComparisonIntoTheValuePath() =>
        Assert.Equal(
            new ValuePath(new AttrPath(null, "emails", null), new And(Cmp("type", CompareOp.Eq, LiteralKind.String, "work"), Cmp("value", CompareOp.Eq, LiteralKind.String, "a@b"))),
            FilterParser.Parse("emails[type eq \"work\"].value eq \"a@b\""));

    [Fact]
    public void Parse_UrnQualifiedPathWithSubAttribute_SplitsAtTheLastColon() =>
        Assert.Equal(Cmp("manager", CompareOp.Eq, LiteralKind.String, "1", "value", "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"),
            FilterParser.Parse("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value eq \"1\""));

    [Theory]
    [InlineData("userName sw O", LiteralKind.Unquoted, "O")]
    [InlineData("meta.created gt 2015-10-10T14:38:21.8617979-07:00", LiteralKind.Unquoted, "2015-10-10T14:38:21.8617979-07:00")]
    [InlineData("active eq True", LiteralKind.Boolean, "true")]
    [InlineData("x eq null", LiteralKind.Null, "null")]
    [InlineData("x gt 12.5", LiteralKind.Number, "12.5")]
    [InlineData("x eq \"say \\\"hi\\\"\"", LiteralKind.String, "say \"hi\"")]
    public void Parse_Literals_KeepTheirKindAndText(string filter, LiteralKind kind, string text)
    {
        var compare = Assert.IsType<Compare>(FilterParser.Parse(filter));
        Assert.Equal(new ScimLiteral(kind, text), compare.Value);
    }

    [Fact]
    public void Parse_KeywordsInAnyCase_ProduceTheSameTree() =>
        Assert.Equal(
            FilterParser.Parse("userName eq \"x\" or not (title pr) and active eq true"),
            FilterParser.Parse("userName EQ \"x\" OR NOT (title PR) And active Eq TRUE"));

    [Theory]
    [InlineData("")]
    [InlineData("userName")]
    [InlineData("userName eq")]
    [InlineData("userName xx \"a\"")]
    [InlineData("(userName eq \"a\"")]
    [InlineData("userName eq \"a\")")]
    [InlineData("userName eq \"unterminated")]
    [InlineData("emails[type eq \"work\"")]
    [InlineData("1abc eq \"x\"")]
    [InlineData("userName eq \"a\" and")]
    public void Parse_Malformed_ThrowsInvalidFilter(string filter)
    {
        var error = Assert.Throws<ScimException>(() => FilterParser.Parse(filter));
        Assert.Equal(ScimType.InvalidFilter, error.ScimType);
    }

    [Fact]
    public void Parse_TooDeep_ThrowsInvalidFilter()
    {
        var filter = new string('(', 40) + "a eq \"b\"" + new string(')', 40);
        Assert.Equal(ScimType.InvalidFilter, Assert.Throws<ScimException>(() => FilterParser.Parse(filter)).ScimType);
    }

    [Fact]
    public void ParsePatchPath_FilterAndSubAttribute() =>
        Assert.Equal(new PatchPath(new AttrPath(null, "emails", null), Cmp("type", CompareOp.Eq, LiteralKind.String, "work"), "value"),
            FilterParser.ParsePatchPath("emails[type eq \"work\"].value"));

    [Theory]
    [InlineData("emails[", ScimType.InvalidFilter)]
    [InlineData("9lives", ScimType.InvalidPath)]
    [InlineData("name.givenName extra", ScimType.InvalidPath)]
    public void ParsePatchPath_Malformed_ThrowsWithTheRightScimType(string path, string scimType) =>
        Assert.Equal(scimType, Assert.Throws<ScimException>(() => FilterParser.ParsePatchPath(path)).ScimType);

    [Theory]
    [InlineData("userName eq \"a\\u0000\"")]
    [InlineData("userName eq \"a\\uD800\"")]
    [InlineData("userName eq \"\\uDC00\"")]
    [InlineData("userName eq \"a\u0001\"")]
    [InlineData("userName eq a\u0000")]
    public void Parse_LiteralsWithTextNoStoreAccepts_AreInvalidFilter(string filter) =>
        Assert.Equal(ScimType.InvalidFilter, Assert.Throws<ScimException>(() => FilterParser.Parse(filter)).ScimType);

    [Fact]
    public void Parse_EscapedSurrogatePair_IsOneCharacter() =>
        Assert.Equal(Cmp("displayName", CompareOp.Eq, LiteralKind.String, "\U0001F600"), FilterParser.Parse("displayName eq \"\\uD83D\\uDE00\""));
}
