using System.Text.Json.Nodes;
using Scim.Grains.Deviations;
using Scim.Grains.Interfaces.Resources;
using Scim.Grains.Schemas;

namespace Scim.Grains.Tests.Deviations;

public sealed class OktaRestatedReadOnlyValuesTests
{
    private static readonly JsonObject Group = JsonNode.Parse("""{"id":"g1","displayName":"Staff"}""")!.AsObject();

    private static IReadOnlyList<PatchOperation> Normalize(params PatchOperation[] operations) =>
        OktaRestatedReadOnlyValues.Normalize(operations, Group, ResourceSchema.Group);

    [Fact]
    public void ThePathlessReplaceOfOktasGroupPush_LosesItsRepeatedId()
    {
        var normalized = Normalize(new PatchOperation("replace", null, """{"id":"g1","displayName":"Staff 2"}"""));

        Assert.Equal("""{"displayName":"Staff 2"}""", Assert.Single(normalized).ValueJson);
    }

    [Fact]
    public void AnOperationWhosePathRestatesTheId_IsDropped() =>
        Assert.Empty(Normalize(new PatchOperation("replace", "id", "\"g1\"")));

    [Theory]
    [InlineData("replace", null, """{"id":"g2"}""")]
    [InlineData("replace", "id", "\"g2\"")]
    [InlineData("remove", "id", null)]
    [InlineData("replace", "displayName", "\"Staff\"")]
    public void AnotherIdARemoveOrAWritableAttribute_IsLeftForTheEngine(string op, string? path, string? value)
    {
        var operation = new PatchOperation(op, path, value);

        Assert.Same(operation, Assert.Single(Normalize(operation)));
    }
}
