using System.Text.Json.Nodes;
using Scim.Grains.Documents;
using Scim.Grains.Filtering;
using Scim.Grains.Interfaces.Errors;
using Scim.Grains.Patching;

namespace Scim.Grains.Tests.Patching;

public sealed class MembershipDeltaTests
{
    private static MembershipChange Run(params (PatchOpKind Kind, string? Path, string? Value)[] operations)
    {
        var delta = new MembershipDelta();
        foreach (var (kind, path, value) in operations)
        {
            var filter = path is null ? null : FilterParser.ParsePatchPath(path).Filter;
            delta.Apply(kind, filter, null, value is null ? null : JsonNode.Parse(value));
        }
        return delta.ToChange();
    }

    [Fact]
    public void AddThenRemoveSameMember_CancelOut()
    {
        var change = Run((PatchOpKind.Add, null, """[{"value":"a"}]"""), (PatchOpKind.Remove, "members[value eq \"a\"]", null));
        Assert.Empty(change.Added);
        Assert.Equal(["a"], change.Removed);
    }

    [Fact]
    public void RemoveByValueList_NamesTheIds() =>
        Assert.Equal(["a", "b"], Run((PatchOpKind.Remove, null, """[{"value":"a"},{"value":"b"}]""")).Removed.Order());

    [Fact]
    public void RemoveWithOrFilter_NamesEveryId() =>
        Assert.Equal(["a", "b"], Run((PatchOpKind.Remove, "members[value eq \"a\" or value eq \"b\"]", null)).Removed.Order());

    [Fact]
    public void ReplaceThenAdd_ReplacesAllWithBoth()
    {
        var change = Run((PatchOpKind.Replace, null, """[{"value":"a"}]"""), (PatchOpKind.Add, null, """[{"value":"b","displayName":"B"}]"""));
        Assert.True(change.ReplaceAll);
        Assert.Equal(["a", "b"], change.Added.Select(m => m.MemberId).Order());
        Assert.Equal("B", change.Added.Single(m => m.MemberId == "b").Display);
    }

    [Fact]
    public void BareIdStrings_AreMembers() =>
        Assert.Equal("string id 1", Assert.Single(Run((PatchOpKind.Add, null, "\"string id 1\"")).Added).MemberId);

    [Theory]
    [InlineData("""[{"value":"g","type":"Group"}]""")]
    [InlineData("""[{"value":"x","type":"Device"}]""")]
    [InlineData("""[{"display":"no id"}]""")]
    [InlineData("""[{"value":{"nested":1}}]""")]
    public void InvalidMembers_AreInvalidValue(string value) =>
        Assert.Equal(ScimType.InvalidValue, Assert.Throws<ScimException>(() => Run((PatchOpKind.Add, null, value))).ScimType);
}
