using Scim.Grains.Documents;
using Scim.Grains.Interfaces.Errors;
using Scim.Grains.Interfaces.Groups;
using Scim.Grains.Interfaces.Resources;
using Scim.Grains.Storage;

namespace Scim.Grains.Tests.Storage;

/// <summary>
/// A write of a group at a version another writer has moved on from is refused with a 409 and leaves nothing behind:
/// neither the row nor the membership rows written with it, on both stores. (PostgreSQL sends such a write as one batch
/// without an explicit transaction; the versioned statement's own error is what rolls the rest back.)
/// </summary>
public sealed class VersionedWriteTests() : BothStoresTests("versioned")
{
    [Theory]
    [InlineData("postgres")]
    [InlineData("in-memory")]
    public async Task AStaleGroupUpdate_Fails409_AndWritesNeitherTheRowNorItsMembers(string kind)
    {
        var store = Store(kind);
        await store.InsertAsync(User("u1", "one"), MembershipChange.None, null, CancellationToken.None);
        await store.InsertAsync(User("u2", "two"), MembershipChange.None, null, CancellationToken.None);
        await store.InsertAsync(Group("g", "Team", 1), MembershipChange.None, null, CancellationToken.None);
        await store.UpdateAsync(Group("g", "Team renamed", 2), 1, Adding("u1"), CancellationToken.None);

        var stale = await Assert.ThrowsAsync<ScimException>(() =>
            store.UpdateAsync(Group("g", "Team stale", 2), 1, Adding("u2"), CancellationToken.None));

        Assert.Equal(409, stale.Status);
        var row = await store.GetAsync(Tenant, ResourceKind.Group, "g", CancellationToken.None);
        Assert.Equal((2L, "Team renamed"), (row!.Version, ResourceDocument.GetString(row.Document, "displayName")));
        Assert.Equal(["u1"], await MemberIdsAsync(store));
    }

    [Theory]
    [InlineData("postgres")]
    [InlineData("in-memory")]
    public async Task AStaleGroupDelete_Fails409_AndKeepsTheGroupAndItsMembers(string kind)
    {
        var store = Store(kind);
        await store.InsertAsync(User("u1", "one"), MembershipChange.None, null, CancellationToken.None);
        await store.InsertAsync(Group("g", "Team", 1), Adding("u1"), null, CancellationToken.None);
        await store.UpdateAsync(Group("g", "Team renamed", 2), 1, MembershipChange.None, CancellationToken.None);

        var stale = await Assert.ThrowsAsync<ScimException>(() => store.DeleteAsync(Tenant, ResourceKind.Group, "g", 1, CancellationToken.None));

        Assert.Equal(409, stale.Status);
        Assert.NotNull(await store.GetAsync(Tenant, ResourceKind.Group, "g", CancellationToken.None));
        Assert.Equal(["u1"], await MemberIdsAsync(store));
    }

    private static MembershipChange Adding(string userId) => new(false, [new GroupMember(userId, null)], []);

    private async Task<IEnumerable<string>> MemberIdsAsync(IResourceStore store) =>
        (await ((IMembershipStore)store).GetMembersAsync(Tenant, "g", null, 100, CancellationToken.None)).Select(m => m.MemberId);
}
