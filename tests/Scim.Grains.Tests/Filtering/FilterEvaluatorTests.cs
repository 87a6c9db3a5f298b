using System.Text.Json.Nodes;
using Scim.Grains.Filtering;
using Scim.Grains.Interfaces.Errors;
using Scim.Grains.Schemas;

namespace Scim.Grains.Tests.Filtering;

public sealed class FilterEvaluatorTests
{
    private static readonly JsonObject User = JsonNode.Parse("""
        {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"id":"2819c223","externalId":"Ext-1","userName":"BJensen",
         "name":{"familyName":"Jensen","givenName":"Barbara"},"active":true,
         "emails":[{"value":"bjensen@example.com","type":"work","primary":true},{"value":"babs@jensen.org","type":"home"}],
         "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"employeeNumber":"701984","manager":{"value":"26118915"}},
         "meta":{"resourceType":"User","created":"2011-08-01T18:29:49.793Z","lastModified":"2011-08-01T18:29:49.793Z","version":"W/\"1\""}}
        """)!.AsObject();

    [Theory]
    [InlineData("userName eq \"bjensen\"", true)]
    [InlineData("userName eq \"BJENSEN\"", true)]
    [InlineData("externalId eq \"ext-1\"", false)]
    [InlineData("externalId eq \"Ext-1\"", true)]
    [InlineData("id eq \"2819C223\"", false)]
    [InlineData("name.familyName co \"ens\"", true)]
    [InlineData("name.FamilyName sw \"J\"", true)]
    [InlineData("name.givenName ew \"ara\"", true)]
    [InlineData("userName ne \"bjensen\"", false)]
    [InlineData("title pr", false)]
    [InlineData("emails pr", true)]
    [InlineData("emails co \"jensen.org\"", true)]
    [InlineData("emails.value eq \"babs@jensen.org\"", true)]
    [InlineData("emails[type eq \"work\" and value co \"@example.com\"]", true)]
    [InlineData("emails[type eq \"home\" and primary eq true]", false)]
    [InlineData("emails[primary eq \"True\"]", true)]
    [InlineData("active eq true", true)]
    [InlineData("active eq \"False\"", false)]
    [InlineData("meta.created gt \"2011-08-01T00:00:00Z\"", true)]
    [InlineData("meta.created gt 2011-08-01T19:29:49Z", false)]
    [InlineData("meta.lastModified ge \"2011-08-01T18:29:49.793Z\"", true)]
    [InlineData("meta.created lt 2011-08-01T11:29:50-07:00", true)]
    [InlineData("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber eq \"701984\"", true)]
    [InlineData("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value eq \"26118915\"", true)]
    [InlineData("urn:ietf:params:scim:schemas:core:2.0:User:userName eq \"bjensen\"", true)]
    [InlineData("userName gt \"a\" and userName lt \"c\"", true)]
    [InlineData("not (userName eq \"bjensen\") or title pr", false)]
    [InlineData("nickName eq null", true)]
    [InlineData("userName ne null", true)]
    public void Matches_TableOfFilters(string filter, bool expected)
    {
        var node = FilterParser.Parse(filter);
        FilterValidator.Validate(node, ResourceSchema.User);
        Assert.Equal(expected, FilterEvaluator.Matches(node, User, ResourceSchema.User));
    }

    /// <summary>
    /// Case is ignored the way uniqueness and PostgreSQL ignore it, by lower case, where .NET's ignore-case comparison
    /// (upper case) would answer the opposite in every row.
    /// </summary>
    [Theory]
    [InlineData("\u212Aelvin", "userName eq \"kelvin\"", true)]
    [InlineData("\u212Aelvin", "userName sw \"KE\"", true)]
    [InlineData("\u212Aelvin", "userName co \"k\"", true)]
    [InlineData("\u03B1\u03C2", "userName eq \"\u03B1\u03C3\"", false)]
    [InlineData("\u03B1\u03C2", "userName ew \"\u03A3\"", false)]
    [InlineData("a_z", "userName lt \"ab\"", true)]
    [InlineData("a_z", "userName gt \"AB\"", false)]
    public void Matches_IgnoresCaseByLowerCase(string userName, string filter, bool expected)
    {
        var node = FilterParser.Parse(filter);
        FilterValidator.Validate(node, ResourceSchema.User);
        Assert.Equal(expected, FilterEvaluator.Matches(node, new JsonObject { ["userName"] = userName }, ResourceSchema.User));
    }

    [Theory]
    [InlineData("nosuch eq \"x\"")]
    [InlineData("name.nosuch eq \"x\"")]
    [InlineData("urn:example:other:2.0:User:x eq \"x\"")]
    [InlineData("active gt true")]
    [InlineData("active eq \"perhaps\"")]
    [InlineData("meta.created co \"2011\"")]
    [InlineData("meta.created gt \"yesterday\"")]
    [InlineData("password pr")]
    [InlineData("name eq \"x\"")]
    [InlineData("userName[value eq \"x\"]")]
    [InlineData("emails[nosuch eq \"x\"]")]
    public void Validate_UnsupportedFilter_ThrowsInvalidFilter(string filter)
    {
        var node = FilterParser.Parse(filter);
        Assert.Equal(ScimType.InvalidFilter, Assert.Throws<ScimException>(() => FilterValidator.Validate(node, ResourceSchema.User)).ScimType);
    }
}
