using System.Text;
using Scim.Api.Http;
using Scim.Grains.Interfaces.Errors;

namespace Scim.Api.Tests.Http;

public sealed class StrictJsonTests
{
    [Theory]
    [InlineData("""{"userName":"a","tags":["x","x"],"name":{"givenName":"A"},"emails":[{"value":"a"},{"value":"b"}]}""")]
    [InlineData("""{"title":"line one\nline two\ttabbed\r"}""")]
    [InlineData("""{"displayName":"\uD83D\uDE00 emoji as an escaped pair, 😀 as bytes"}""")]
    [InlineData("""{"a":{"value":1},"b":{"value":2}}""")]
    public void WellFormedBodies_AreReturnedAsText(string json) => Assert.Equal(json, StrictJson.Read(Encoding.UTF8.GetBytes(json)));

    [Theory]
    [InlineData("""{"userName":"a","userName":"b"}""")]
    [InlineData("""{"userName":"a","UserName":"b"}""")]
    [InlineData("""{"name":{"givenName":"a","GIVENNAME":"b"}}""")]
    [InlineData("""{"emails":[{"value":"a","value":"b"}]}""")]
    [InlineData("""{"a":"\uD800"}""")]
    [InlineData("""{"a":"\uDC00\uD800"}""")]
    [InlineData("""{"\uDFFF":1}""")]
    [InlineData("""{"a":1""")]
    public void MalformedBodies_AreInvalidSyntax(string json) =>
        Assert.Equal(ScimType.InvalidSyntax, Assert.Throws<ScimException>(() => StrictJson.Read(Encoding.UTF8.GetBytes(json))).ScimType);

    [Theory]
    [InlineData("""{"a":"\u0000"}""")]
    [InlineData("""{"a":"\u001f"}""")]
    [InlineData("""{"\u0000":"x"}""")]
    [InlineData("""["\b"]""")]
    public void ControlCharacters_AreInvalidValue(string json) =>
        Assert.Equal(ScimType.InvalidValue, Assert.Throws<ScimException>(() => StrictJson.Read(Encoding.UTF8.GetBytes(json))).ScimType);

    [Fact]
    public void BytesThatAreNotUtf8_AreInvalidSyntax()
    {
        byte[] body = [.. "{\"a\":\""u8, 0xC0, 0xAF, .. "\"}"u8];

        Assert.Equal(ScimType.InvalidSyntax, Assert.Throws<ScimException>(() => StrictJson.Read(body)).ScimType);
    }

    [Fact]
    public void AStringLongerThanTheLimit_IsInvalidValue_AndOneAtTheLimitIsNot()
    {
        var atLimit = $"{{\"a\":\"{new string('x', StrictJson.MaxStringLength)}\"}}";
        var escapedOver = $"{{\"a\":\"{string.Concat(Enumerable.Repeat("\\u0041", StrictJson.MaxStringLength + 1))}\"}}";

        StrictJson.Read(Encoding.UTF8.GetBytes(atLimit));
        Assert.Equal(ScimType.InvalidValue, Assert.Throws<ScimException>(() => StrictJson.Read(Encoding.UTF8.GetBytes(escapedOver))).ScimType);
    }

    [Fact]
    public void NestingDeeperThanTheLimit_IsInvalidSyntax()
    {
        var deep = new string('[', StrictJson.MaxDepth + 1) + new string(']', StrictJson.MaxDepth + 1);

        Assert.Equal(ScimType.InvalidSyntax, Assert.Throws<ScimException>(() => StrictJson.Read(Encoding.UTF8.GetBytes(deep))).ScimType);
    }
}
