using System.Text;
using System.Text.Json.Nodes;
using Scim.Grains.Documents;
using Scim.Grains.Interfaces.Groups;
using Scim.Grains.Interfaces.Resources;
using Scim.Grains.Rendering;
using Scim.Grains.Schemas;

namespace Scim.Grains.Tests.Rendering;

/// <summary>
/// A render that keeps everything (written straight from the document) says what a projected render says; a group
/// rendered around its members (the array written by the caller, chunk after chunk) joins into the same JSON as one render.
/// </summary>
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

    private const string StoredUser = """
        {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
         "id":"u-1","userName":"zoë@example.com","password":"hash","name":{"givenName":"Zoë","familyName":"O'Brien \"Q\" <&>"},
         "nickName":null,"emails":[{"value":"z@example.com","primary":true}],"active":true,
         "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"department":"日本 😀"},
         "meta":{"resourceType":"User","created":"2026-01-01T00:00:00Z","version":"W/\"2\""}}
        """;

    public static TheoryData<string, bool, bool> RenderedAlike() => new()
    {
        // stored text, parsed as the store unpacks it; the user's groups (none, some); meta with a stale location
        { StoredUser, false, false },
        { StoredUser, true, false },
        { StoredUser, true, true },
        { StoredUser.Replace("\"meta\":{", "\"meta\":{\"location\":\"stale\",", StringComparison.Ordinal), true, false },
        { StoredUser.Replace("\"meta\":{", "\"nometa\":{", StringComparison.Ordinal), true, false },
    };

    [Theory]
    [MemberData(nameof(RenderedAlike))]
    public void Render_KeepingEverything_SaysWhatAProjectedRenderSays(string stored, bool inGroups, bool emptyGroups)
    {
        var options = new RenderOptions("http://h/scim/v2/t");
        // excludedAttributes=id leaves every attribute (id is always returned) but takes the projecting path.
        var projected = options with { ExcludedAttributes = "id" };
        JsonArray? Groups() => inGroups
            ? new JsonArray(emptyGroups ? [] : [DerivedValues.Group(new UserGroup("g-1", "Équipe", true), options.BaseUrl)])
            : null;

        var kept = ResourceRenderer.Render(JsonNode.Parse(stored)!.AsObject(), ResourceSchema.User, options,
            Projection.Parse(options, ResourceSchema.User), UserSchema.Groups, Groups());
        var reference = ResourceRenderer.Render(JsonNode.Parse(stored)!.AsObject(), ResourceSchema.User, projected,
            Projection.Parse(projected, ResourceSchema.User), UserSchema.Groups, Groups());

        Assert.Equal(reference, kept);
        Assert.DoesNotContain("password", kept, StringComparison.Ordinal);
        // Stored text is the service's own writing of the document (a row's Json), as the stores keep it.
        var json = new StoredResource("t", ResourceKind.User, "u-1", 2, JsonNode.Parse(stored)!.AsObject()).Json;
        var fromText = ResourceRenderer.Render(StoredResource.FromJson("t", ResourceKind.User, "u-1", 2, json),
            ResourceSchema.User, options, Projection.Parse(options, ResourceSchema.User), UserSchema.Groups, Groups());
        Assert.Equal(reference, fromText);
    }

    [Fact]
    public void Render_OfARowWhoseTreeWasAskedFor_SaysWhatTheTreeSays()
    {
        var options = new RenderOptions("http://h/scim/v2/t");
        var row = StoredResource.FromJson("t", ResourceKind.User, "u-1", 2, Encoding.UTF8.GetBytes(StoredUser));

        row.Document["displayName"] = "Changed";

        Assert.Null(row.UnparsedJson);
        var rendered = JsonNode.Parse(ResourceRenderer.Render(row, ResourceSchema.User, options, Projection.Parse(options, ResourceSchema.User)))!;
        Assert.Equal("Changed", rendered["displayName"]!.GetValue<string>());
    }

    [Fact]
    public void Render_OfStoredTextThatHoldsTheDerivedAttribute_PutsTheDerivedValueInItsPlace()
    {
        var options = new RenderOptions("http://h/scim/v2/t");
        var stored = StoredUser.Replace("\"meta\":{", "\"groups\":[{\"value\":\"stale\"}],\"meta\":{", StringComparison.Ordinal);
        var groups = new JsonArray(DerivedValues.Group(new UserGroup("g-1", "Équipe", true), options.BaseUrl));

        var rendered = JsonNode.Parse(ResourceRenderer.Render(StoredResource.FromJson("t", ResourceKind.User, "u-1", 2, Encoding.UTF8.GetBytes(stored)),
            ResourceSchema.User, options, Projection.Parse(options, ResourceSchema.User), UserSchema.Groups, groups))!;

        Assert.Equal("g-1", rendered["groups"]!.AsArray().Single()!["value"]!.GetValue<string>());
    }

    [Fact]
    public void Render_KeepingEverything_PutsTheLocationInMetaAndTheGroupsBeforeIt()
    {
        var options = new RenderOptions("http://h/scim/v2/t");
        var groups = new JsonArray(DerivedValues.Group(new UserGroup("g-1", "Équipe", true), options.BaseUrl));

        var rendered = JsonNode.Parse(ResourceRenderer.Render(JsonNode.Parse(StoredUser)!.AsObject(), ResourceSchema.User, options,
            Projection.Parse(options, ResourceSchema.User), UserSchema.Groups, groups))!.AsObject();

        Assert.Equal("http://h/scim/v2/t/Users/u-1", rendered["meta"]!["location"]!.GetValue<string>());
        var names = rendered.Select(p => p.Key).ToList();
        Assert.Equal(names.IndexOf("meta") - 1, names.IndexOf("groups"));
        Assert.Equal("g-1", rendered["groups"]![0]!["value"]!.GetValue<string>());
        Assert.Equal("O'Brien \"Q\" <&>", rendered["name"]!["familyName"]!.GetValue<string>());
    }

    [Fact]
    public void AFilterThatHidesTheFirstChunk_StillLeavesAnArrayForTheRest()
    {
        var options = new RenderOptions("http://h/scim/v2/t", "members[value eq \"c\"]");

        var joined = JsonNode.Parse(Joined(options, 1))!;

        Assert.Equal("c", joined["members"]!.AsArray().Single()!["value"]!.GetValue<string>());
    }
}
