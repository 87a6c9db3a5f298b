using Scim.Grains.Deviations;
using Scim.Grains.Filtering;
using Scim.Grains.Schemas;

namespace Scim.Grains.Tests.Deviations;

public sealed class MissingFilteredElementTests
{
    private static readonly AttributeDefinition Emails = ResourceSchema.User.Resolve(new AttrPath(null, "emails", null))!.Attribute;

    private static string? Describe(string path) =>
        MissingFilteredElement.Describe(FilterParser.ParsePatchPath(path).Filter!, Emails)?.ToJsonString();

    [Fact]
    public void EqComparisonsJoinedByAnd_DescribeTheElement_WithCanonicalNames() =>
        Assert.Equal("""{"type":"work","primary":"true"}""", Describe("""emails[TYPE eq "work" and primary eq true].value"""));

    [Theory]
    [InlineData("""emails[type eq "work" or type eq "home"].value""")]
    [InlineData("""emails[type ne "work"].value""")]
    [InlineData("""emails[type eq null].value""")]
    [InlineData("""emails[type pr].value""")]
    public void OtherFilters_DescribeNoElement(string path) => Assert.Null(Describe(path));
}
