using Scim.Grains.Documents;

namespace Scim.Grains.Tests.Documents;

public sealed class EntityTagsTests
{
    [Theory]
    [InlineData("W/\"3\"", true)]
    [InlineData("\"3\"", true)]
    [InlineData("*", true)]
    [InlineData("W/\"1\", W/\"3\"", true)]
    [InlineData("W/\"4\"", false)]
    [InlineData("W/\"33\"", false)]
    [InlineData("", false)]
    public void AnyMatches_ComparesWeakly(string header, bool expected) => Assert.Equal(expected, EntityTags.AnyMatches(header, 3));

    [Fact]
    public void Of_IsAWeakTag() => Assert.Equal("W/\"12\"", EntityTags.Of(12));
}
