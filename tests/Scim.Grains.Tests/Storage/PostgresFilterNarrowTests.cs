using Scim.Grains.Filtering;
using Scim.Grains.Schemas;
using Scim.Grains.Storage.Postgres;

namespace Scim.Grains.Tests.Storage;

/// <summary>
/// Which filters the PostgreSQL store treats as narrow (an equality on an indexed column among the top-level
/// conjuncts), so that their few rows are fetched by that index instead of walking the creation order.
/// </summary>
public sealed class PostgresFilterNarrowTests
{
    [Theory]
    [InlineData("userName eq \"a@b.c\"", true)]
    [InlineData("externalId eq \"x\" and active eq true", true)]
    [InlineData("title pr and id eq \"1\"", true)]
    [InlineData("displayName eq \"Ann\"", true)]
    [InlineData("userName eq \"a\" or title eq \"b\"", false)]
    [InlineData("userName co \"a\"", false)]
    [InlineData("title eq \"Boss\"", false)]
    [InlineData("meta.created eq \"2026-01-01T00:00:00Z\"", false)]
    [InlineData("externalId eq null", false)]
    [InlineData("not (userName eq \"a\")", false)]
    public void UserFilters(string filter, bool narrow) =>
        Assert.Equal(narrow, PostgresFilter.IsNarrow(FilterParser.Parse(filter), ResourceSchema.User));

    [Theory]
    [InlineData("userName eq \"a@b.c\"", true)]
    [InlineData("externalId eq \"x\" and active eq true", true)]
    [InlineData("displayName eq \"Ann\"", true)]
    [InlineData("title pr and id eq \"1\"", false)]
    [InlineData("userName eq \"a\" or title eq \"b\"", false)]
    [InlineData("meta.created eq \"2026-01-01T00:00:00Z\"", false)]
    [InlineData("userName eq null", false)]
    public void NameLookups_AreEqualitiesOnANameThatLeadsItsIndex(string filter, bool lookup) =>
        Assert.Equal(lookup, PostgresFilter.IsNameLookup(FilterParser.Parse(filter), ResourceSchema.User));

    [Fact]
    public void NoFilter_IsNotNarrow() => Assert.False(PostgresFilter.IsNarrow(null, ResourceSchema.Group));
}
