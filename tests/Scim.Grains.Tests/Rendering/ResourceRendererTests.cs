using System.Text.Json.Nodes;
using Scim.Grains.Documents;
using Scim.Grains.Interfaces.Groups;
using Scim.Grains.Interfaces.Resources;
using Scim.Grains.Rendering;
using Scim.Grains.Schemas;

namespace Scim.Grains.Tests.Rendering;

/// <summary>A group rendered around its members (the array written by the caller, chunk after chunk) joins into the same JSON as one render.</summary>
public sealed class ResourceRendererTests
{
    private static readonly JsonObject Group = ResourceDocument.Compose(ResourceSchema.Group, "g-1",
        new JsonObject { ["displayName"] = "Équipe « ünï » 日本 😀", ["externalId"] = "x" },
        new ResourceMeta(DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, 3));

    private static readonly GroupMember[] Members = [new("a", "Zoë"), new("b", null), new("c", "日本")];

    private static string Joined(RenderOptions options, int inlinedCount)
    {
        var projection = Projection.Parse(options, ResourceSchema.Group);
        var (before, after) = ResourceRenderer.RenderAround(Group, ResourceSchema.Group, options, projection);
        var first = ResourceRenderer.RenderMembers(Members.Take(inlinedCount), ResourceSchema.Group, options, projection);
        var rest = ResourceRenderer.RenderMembers(Members.Skip(inlinedCount), ResourceSchema.Group, options, projection);
        var separator = first.Length > 0 && rest.Length > 0 ? "," : "";
        return before + "\"members\":[" + first + separator + rest + "]" + after;
    }

    private static string WholeRender(RenderOptions options)
    {
        var all = new JsonArray(Members.Select(m => (JsonNode)DerivedValues.Member(m, options.BaseUrl)).ToArray());
        return ResourceRenderer.Render(Group, ResourceSchema.Group, options, Projection.Parse(options, ResourceSchema.Group), GroupSchema.Members, all);
    }

    [Theory]
    [InlineData(1, null, null)]
    [InlineData(2, null, null)]
    [InlineData(1, "members.value", null)]
    [InlineData(1, "displayName,members", null)]
    [InlineData(2, null, "meta,externalId")]
    [InlineData(0, "members", null)]
    public void RenderAroundPlusChunks_EqualsOneRender(int inlinedCount, string? attributes, string? excluded)
    {
        var options = new RenderOptions("http://h/scim/v2/t", attributes, excluded);

        var joined = Joined(options, inlinedCount);

        Assert.Equal(WholeRender(options), joined);
        Assert.NotNull(JsonNode.Parse(joined));
    }

    [Fact]
    public void AFilterThatHidesTheFirstChunk_StillLeavesAnArrayForTheRest()
    {
        var options = new RenderOptions("http://h/scim/v2/t", "members[value eq \"c\"]");

        var joined = JsonNode.Parse(Joined(options, 1))!;

        Assert.Equal("c", joined["members"]!.AsArray().Single()!["value"]!.GetValue<string>());
    }
}
