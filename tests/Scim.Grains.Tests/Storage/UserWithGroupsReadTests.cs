using Scim.Grains.Documents;
using Scim.Grains.Interfaces.Groups;
using Scim.Grains.Interfaces.Resources;
using Scim.Grains.Storage;
using Scim.Grains.Storage.Postgres;

namespace Scim.Grains.Tests.Storage;

/// <summary>
/// A user read together with its groups (what a user's grain reads when it activates) gives the row and the same groups
/// as reading them on their own, on both stores, also when many are read at once (<see cref="UserLoadQueue"/>).
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

    [Theory]
    [InlineData("postgres")]
    [InlineData("in-memory")]
    public async Task UsersReadAtOnce_EachGetTheirOwnRowAndGroups(string kind)
    {
        var store = Store(kind);
        var ids = Enumerable.Range(0, 30).Select(i => $"u{i}").ToList();
        foreach (var id in ids) await store.InsertAsync(User(id, $"name-{id}"), MembershipChange.None, null, CancellationToken.None);
        await store.InsertAsync(Group("parent", "Parent"), MembershipChange.None, null, CancellationToken.None);
        await store.InsertAsync(Group("team", "Team"), Members(ids.Take(10)), null, CancellationToken.None);
        await store.InsertAsync(Group("solo", "Solo"), Members(ids.Skip(8).Take(5)), null, CancellationToken.None);
        await ((IGroupTreeStore)store).MoveGroupAsync(Tenant, "team", "parent", CancellationToken.None);
        // Every user twice, ids that are no user's, and a group's id.
        var asked = ids.Concat(ids).Concat(["missing0", "missing1", "parent"]).ToList();

        var read = await Task.WhenAll(asked.Select(id => store.GetUserWithGroupsAsync(Tenant, id, CancellationToken.None)));

        var alone = await ((IMembershipStore)store).GetGroupsOfUsersAsync(Tenant, ids, CancellationToken.None);
        foreach (var (id, (user, groups)) in asked.Zip(read))
        {
            var expected = await store.GetAsync(Tenant, ResourceKind.User, id, CancellationToken.None);
            Assert.Equal(expected?.Document.ToJsonString(), user?.Document.ToJsonString());
            Assert.Equal(alone.GetValueOrDefault(id) ?? [], groups);
        }
        Assert.Equal(["parent", "solo", "team"], read[9].Groups.Select(g => g.GroupId).Order(StringComparer.Ordinal));
        // Two reads of one user are two rows: each grain changes the one it holds.
        Assert.NotSame(read[0].User!.Document, read[30].User!.Document);
    }

    [Fact]
    public async Task OnPostgres_UsersReadAtOnce_QueueBehindTheReadBeforeThem()
    {
        var store = Store("postgres");
        var ids = Enumerable.Range(0, 40).Select(i => $"q{i}").ToList();
        foreach (var id in ids) await store.InsertAsync(User(id, $"name-{id}"), MembershipChange.None, null, CancellationToken.None);
        await using var hold = await PostgresLocks.HoldResourcesAsync(DataSource, "ACCESS EXCLUSIVE");

        var reads = ids.Select(id => store.GetUserWithGroupsAsync(Tenant, id, CancellationToken.None)).ToList();
        await PostgresLocks.WaitUntilBlockedAsync(DataSource, expected: 1);
        await Task.Delay(TimeSpan.FromMilliseconds(300));

        // Read one by one, each would wait for the lock on a connection of its own.
        Assert.Equal(1, await PostgresLocks.BlockedAsync(DataSource));
        await hold.ReleaseAsync();
        Assert.Equal(ids, (await Task.WhenAll(reads)).Select(r => r.User!.Id));
    }

    [Fact]
    public async Task OnPostgres_AReadTheDatabaseRefuses_FailsAlone_AndTheOthersOfItsBatchAreRead()
    {
        var store = Store("postgres");
        var ids = Enumerable.Range(0, 20).Select(i => $"r{i}").ToList();
        foreach (var id in ids) await store.InsertAsync(User(id, $"name-{id}"), MembershipChange.None, null, CancellationToken.None);
        // PostgreSQL text cannot hold U+0000: the batch carrying this id is refused as a whole.
        var asked = ids.Take(10).Append("nul\u0000id").Concat(ids.Skip(10)).ToList();

        var reads = asked.Select(id => store.GetUserWithGroupsAsync(Tenant, id, CancellationToken.None)).ToList();

        await Assert.ThrowsAnyAsync<Exception>(() => reads[10]);
        Assert.Equal(ids, (await Task.WhenAll(reads.Where((_, i) => i != 10))).Select(r => r.User!.Id));
    }

    private static MembershipChange Members(IEnumerable<string> ids) => new(false, ids.Select(id => new GroupMember(id, null)).ToList(), []);
}
