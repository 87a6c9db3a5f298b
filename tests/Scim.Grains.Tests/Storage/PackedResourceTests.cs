using System.Text;
using Scim.Grains.Documents;
using Scim.Grains.Interfaces.Resources;
using Scim.Grains.Schemas;
using Scim.Grains.Storage;

namespace Scim.Grains.Tests.Storage;

public sealed class PackedResourceTests
{
    [Fact]
    public void ARowStillAsText_IsPackedWithItsNames_WithoutParsingIt()
    {
        var json = """
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"id":"u-1","externalId":"x-\"1\"",
             "name":{"userName":"not-this-one"},"userName":"Zoë","meta":{"resourceType":"User"}}
            """;
        var row = StoredResource.FromJson("t", ResourceKind.User, "u-1", 1, Encoding.UTF8.GetBytes(json));

        var packed = PackedResource.Of(row);

        Assert.NotNull(row.UnparsedJson);
        Assert.Equal(("Zoë", "x-\"1\""), (packed.Name, packed.ExternalId));
    }

    [Fact]
    public void ARowAsText_AndTheSameRowAsATree_PackAlike()
    {
        var tree = StoredRows.Of(ResourceSchema.Group, "t", "g-1", """{"displayName":"Teachers","externalId":"x-g"}""");
        var text = StoredResource.FromJson("t", ResourceKind.Group, "g-1", 1, tree.Json);

        var packed = PackedResource.Of(text);

        Assert.Equal(PackedResource.Of(tree), packed);
        Assert.Equal(("Teachers", "x-g"), (packed.Name, packed.ExternalId));
    }
}
