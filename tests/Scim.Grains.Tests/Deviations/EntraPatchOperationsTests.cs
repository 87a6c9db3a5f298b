using Scim.Grains.Deviations;
using Scim.Grains.Interfaces.Resources;
using Scim.Grains.Schemas;

namespace Scim.Grains.Tests.Deviations;

public sealed class EntraPatchOperationsTests
{
    private const string Enterprise = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    private static IReadOnlyList<PatchOperation> Normalize(params PatchOperation[] operations) =>
        EntraPatchOperations.Normalize(operations, ResourceSchema.User);

    [Fact]
    public void CapitalizedOpNames_AreLowered_AndTheRestIsKept()
    {
        var normalized = Normalize(new PatchOperation("Replace", "active", "false"), new PatchOperation(" ADD ", "emails", "[]"));

        Assert.Equal([new("replace", "active", "false"), new("add", "emails", "[]")], normalized);
    }

    [Fact]
    public void APathlessValueWithDottedOrUrnKeys_BecomesOneOperationPerKey_InTheOrderSent()
    {
        var normalized = Normalize(new PatchOperation("Replace", null,
            $$"""{"schemas":["x"],"name.givenName":"Ann","active":false,"{{Enterprise}}:department":"Sales"}"""));

        Assert.Equal(
            [new("replace", "name.givenName", "\"Ann\""), new("replace", "active", "false"), new("replace", $"{Enterprise}:department", "\"Sales\"")],
            normalized);
    }

    [Theory]
    [InlineData("""{"active":false,"emails":[{"value":"a.b@example.com"}]}""")]
    [InlineData("""{"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"department":"R&D"}}""")]
    [InlineData("""{"not json""")]
    public void APathlessValueOfNamesAndSchemaObjects_IsLeftAsSent(string value)
    {
        var operation = new PatchOperation("replace", null, value);

        Assert.Same(operation, Assert.Single(Normalize(operation)));
    }
}
