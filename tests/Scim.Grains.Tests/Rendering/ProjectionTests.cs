using System.Text.Json.Nodes;
using Scim.Grains.Interfaces.Resources;
using Scim.Grains.Rendering;
using Scim.Grains.Schemas;

namespace Scim.Grains.Tests.Rendering;

/// <summary>RFC 7643 §2.4 "returned" in projections, on a schema that has each kind.</summary>
public sealed class ProjectionTests
{
    private static readonly ResourceSchema Schema = new(ResourceKind.User, "Thing", "/Things", "Test type",
        new SchemaDefinition("urn:test:Thing", "Thing", "Test schema",
        [
            new AttributeDefinition("always", AttributeType.String, "", Returned: Returned.Always),
            new AttributeDefinition("usual", AttributeType.String, "", Returned: Returned.Default),
            new AttributeDefinition("onRequest", AttributeType.String, "", Returned: Returned.Request),
        ]), []);

    private static readonly JsonObject Rendered = new()
    {
        ["schemas"] = new JsonArray("urn:test:Thing"), ["id"] = "1", ["always"] = "a", ["usual"] = "u", ["onRequest"] = "r",
    };

    private static IEnumerable<string> Keys(string? attributes, string? excluded) =>
        Projection.Parse(new RenderOptions("http://x", attributes, excluded), Schema).Apply(Rendered, Schema).Select(p => p.Key);

    [Fact]
    public void DefaultView_LeavesOutRequestOnlyAttributes() =>
        Assert.Equal(["schemas", "id", "always", "usual"], Keys(null, null));

    [Fact]
    public void AttributesNamingThem_BringThemBack_AndAlwaysStays() =>
        Assert.Equal(["schemas", "id", "always", "onRequest"], Keys("onRequest", null));

    [Fact]
    public void ExcludedAttributes_NeverRemoveAlways_NorBringBackRequestOnly() =>
        Assert.Equal(["schemas", "id", "always"], Keys(null, "always,usual"));

    [Fact]
    public void Includes_TellsWhetherAnAttributeWillAppear()
    {
        var onRequest = Schema.Core.Attributes[2];

        Assert.False(Projection.Parse(new RenderOptions("http://x"), Schema).Includes(onRequest));
        Assert.True(Projection.Parse(new RenderOptions("http://x", "onRequest"), Schema).Includes(onRequest));
    }
}
