using Scim.Grains.Deviations;
using Scim.Grains.Schemas;

namespace Scim.Grains.Tests.Deviations;

public sealed class StringScalarsTests
{
    [Theory]
    [InlineData(AttributeType.Boolean, "True", "true")]
    [InlineData(AttributeType.Boolean, " false ", "false")]
    [InlineData(AttributeType.Integer, "42", "42")]
    [InlineData(AttributeType.Decimal, "1.5", "1.5")]
    public void AStringSpellingTheAttributesType_IsReadAsItsValue(AttributeType type, string text, string json) =>
        Assert.Equal(json, StringScalars.Read(type, text)!.ToJsonString());

    [Theory]
    [InlineData(AttributeType.Boolean, "yes")]
    [InlineData(AttributeType.Integer, "4.2")]
    [InlineData(AttributeType.String, "true")]
    [InlineData(AttributeType.DateTime, "2020-01-01T00:00:00Z")]
    public void OtherStrings_AreNotRead(AttributeType type, string text) => Assert.Null(StringScalars.Read(type, text));
}
