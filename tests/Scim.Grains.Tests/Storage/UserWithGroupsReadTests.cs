using Scim.Grains.Documents;
using Scim.Grains.Interfaces.Groups;
using Scim.Grains.Interfaces.Resources;
using Scim.Grains.Storage;

namespace Scim.Grains.Tests.Storage;

/// <summary>
/// A user read together with its groups (what a user's grain reads when it activates) gives the row and the same groups
/// as reading them on their own, on both stores.
/// </summary>
public sealed class UserWithGroupsReadTests() : BothStoresTests("with-groups")
{
    [Theory]
    [InlineData("postgres")]
    [InlineData("in-memory")]
    public async Task AUserReadWithItsGroups_HasItsDirectAndIndirectGroups_AndAUserInNoneHasNone(string kind)
    {
        var store = Store(kind);
        await store.InsertAsync(User("member", "member"), MembershipChange.None, null, CancellationToken.None);
        await store.InsertAsync(User("loner", "loner"), MembershipChange.None, null, CancellationToken.None);
        await store.InsertAsync(Group("parent", "Parent"), MembershipChange.None, null, CancellationToken.None);
        await store.InsertAsync(Group("team", "Team"), new MembershipChange(false, [new GroupMember("member", null)], []), null, CancellationToken.None);
        await ((IGroupTreeStore)store).MoveGroupAsync(Tenant, "team", "parent", CancellationToken.None);

        var (member, groups) = await store.GetUserWithGroupsAsync(Tenant, "member", CancellationToken.None);
        var (loner, none) = await store.GetUserWithGroupsAsync(Tenant, "loner", CancellationToken.None);

        var alone = await store.GetAsync(Tenant, ResourceKind.User, "member", CancellationToken.None);
        Assert.Equal((alone!.Version, alone.Document.ToJsonString()), (member!.Version, member.Document.ToJsonString()));
        Assert.Equal([new UserGroup("parent", "Parent", false), new UserGroup("team", "Team", true)], groups.OrderBy(g => g.GroupId, StringComparer.Ordinal));
        Assert.Equal((await ((IMembershipStore)store).GetGroupsOfUsersAsync(Tenant, ["member"], CancellationToken.None))["member"], groups);
        Assert.Equal("loner", loner!.Id);
        Assert.Empty(none);
    }

    [Theory]
    [InlineData("postgres")]
    [InlineData("in-memory")]
    public async Task AMissingUser_IsReadAsNoneWithNoGroups(string kind)
    {
        var store = Store(kind);
        await store.InsertAsync(Group("gone", "A user's id as a group"), MembershipChange.None, null, CancellationToken.None);

        var (user, groups) = await store.GetUserWithGroupsAsync(Tenant, "gone", CancellationToken.None);

        Assert.Null(user);
        Assert.Empty(groups);
    }
}
