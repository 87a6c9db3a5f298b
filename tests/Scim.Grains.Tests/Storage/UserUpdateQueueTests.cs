using Scim.Grains.Documents;
using Scim.Grains.Filtering;
using Scim.Grains.Interfaces.Errors;
using Scim.Grains.Interfaces.Groups;
using Scim.Grains.Interfaces.Resources;
using Scim.Grains.Schemas;
using Scim.Grains.Storage;
using Scim.Grains.Storage.Postgres;

namespace Scim.Grains.Tests.Storage;

/// <summary>
/// Users updated at the same moment (an IdP's cycle PATCHing over many connections) are each stored at the version
/// they were written at, or refused with their own 409, whether or not the store commits them together
/// (<see cref="UserUpdateQueue"/>).
/// </summary>
public sealed class UserUpdateQueueTests() : BothStoresTests("updates")
{
    [Theory]
    [InlineData("postgres")]
    [InlineData("in-memory")]
    public async Task UsersUpdatedAtOnce_AreEachStored_AndFoundByTheirNewNames(string kind)
    {
        var store = Store(kind);
        var users = Enumerable.Range(0, 60).Select(i => Row($"u{i}", $"user{i}", version: 1)).ToList();
        foreach (var user in users) await store.InsertAsync(user, MembershipChange.None, null, CancellationToken.None);
        // Every column an update writes differs between users, so that a value stored in another's place shows.
        var updated = Enumerable.Range(0, 60).Select(i => Row($"u{i}", $"renamed{i}", version: i + 2, active: i % 3 == 0,
            lastModified: DateTimeOffset.UnixEpoch.AddDays(i + 1))).ToList();

        await Task.WhenAll(updated.Select(user => store.UpdateAsync(user, 1, MembershipChange.None, CancellationToken.None)));

        foreach (var (user, i) in updated.Select((u, i) => (u, i)))
        {
            var stored = (await store.GetAsync(Tenant, ResourceKind.User, user.Id, CancellationToken.None))!;
            Assert.Equal((user.Version, user.Document.ToJsonString()), (stored.Version, stored.Document.ToJsonString()));
            foreach (var filter in new[] { $"externalId eq \"x-renamed{i}\"", $"displayName eq \"User renamed{i}\"", $"userName eq \"RENAMED{i}\"",
                $"active eq {(i % 3 == 0 ? "true" : "false")} and userName eq \"renamed{i}\"" })
            {
                var found = await store.QueryAsync(Tenant, Query(filter), CancellationToken.None);
                Assert.Equal(user.Id, Assert.Single(found.Resources).Id);
            }
            Assert.Empty((await store.QueryAsync(Tenant, Query($"userName eq \"user{i}\""), CancellationToken.None)).Resources);
        }
    }

    [Theory]
    [InlineData("postgres")]
    [InlineData("in-memory")]
    public async Task UsersUpdatedAtOnce_WithStaleVersionsOrTakenNames_AreRefusedEachWithItsOwn409(string kind)
    {
        var store = Store(kind);
        var ids = Enumerable.Range(0, 40).Select(i => $"u{i}").ToList();
        foreach (var id in ids) await store.InsertAsync(Row(id, id, version: 1), MembershipChange.None, null, CancellationToken.None);
        await store.InsertAsync(Row("keeper", "taken", version: 1), MembershipChange.None, null, CancellationToken.None);
        // u0-u4 were written at a version their writers did not read; u5 takes a name another user holds; each pair of
        // u10-u19 races for one new name; the others are renamed each to a name of its own.
        var writes = ids.Select((id, i) => i switch
        {
            < 5 => (Row: Row(id, $"stale{i}", version: 3), Expected: 2L),
            5 => (Row: Row(id, "TAKEN", version: 2), Expected: 1L),
            >= 10 and < 20 => (Row: Row(id, $"pair{i / 2}", version: 2), Expected: 1L),
            _ => (Row: Row(id, $"new{i}", version: 2), Expected: 1L),
        }).ToList();

        var outcomes = await Task.WhenAll(writes.Select(async write =>
        {
            try
            {
                await store.UpdateAsync(write.Row, write.Expected, MembershipChange.None, CancellationToken.None);
                return (write.Row, Error: (ScimException?)null);
            }
            catch (ScimException e)
            {
                return (write.Row, Error: e);
            }
        }));

        var refused = outcomes.Where(o => o.Error is not null).ToDictionary(o => o.Row.Id, o => (o.Error!.Status, o.Error.ScimType));
        Assert.All(ids.Take(5), id => Assert.Equal((409, (string?)null), refused[id]));
        Assert.Equal((409, ScimType.Uniqueness), refused["u5"]);
        Assert.Equal(5, ids.Skip(10).Take(10).Count(refused.ContainsKey));
        Assert.All(refused.Keys.Where(id => ids.IndexOf(id) >= 10), id => Assert.Equal((409, ScimType.Uniqueness), refused[id]));
        Assert.Equal(11, refused.Count);
        foreach (var (row, error) in outcomes)
        {
            var stored = (await store.GetAsync(Tenant, ResourceKind.User, row.Id, CancellationToken.None))!;
            var expected = error is null ? row : Row(row.Id, row.Id, version: 1);
            Assert.Equal((expected.Version, UserName(expected)), (stored.Version, UserName(stored)));
        }
    }

    [Fact]
    public async Task OnPostgres_UsersUpdatedAtOnce_CommitTogether_AndAStaleOneAmongThemIsRefusedAlone()
    {
        var store = Store("postgres");
        var users = Enumerable.Range(0, 45).Select(i => Row($"t{i}", $"together{i}", version: 1)).ToList();
        foreach (var user in users) await store.InsertAsync(user, MembershipChange.None, null, CancellationToken.None);
        // The first batch waits on a lock the test holds until every update has queued, so that a loaded machine cannot
        // split the burst further. The last five were written at a version their writers did not read.
        await using var hold = await PostgresLocks.HoldResourcesAsync(DataSource, "SHARE");
        var updates = users.Select((u, i) => store.UpdateAsync(Row(u.Id, $"again-{u.Id}", version: 2), i < 40 ? 1 : 7, MembershipChange.None,
            CancellationToken.None)).ToList();
        await PostgresLocks.WaitUntilBlockedAsync(DataSource, expected: 1);
        await hold.ReleaseAsync();

        await Task.WhenAll(updates.Take(40));

        foreach (var stale in updates.Skip(40)) Assert.Equal(409, (await Assert.ThrowsAsync<ScimException>(() => stale)).Status);
        await using var command = DataSource.CreateCommand("""
            SELECT count(*), count(DISTINCT xmin::text) FROM scim_resources WHERE tenant = $1 AND version = 2
            """);
        command.Parameters.Add(new() { Value = Tenant });
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        // The first batch (those queued when it went out) waits on the lock, and the others queue behind its commit: one or
        // two transactions; one per user would be 40.
        Assert.Equal(40L, reader.GetInt64(0));
        Assert.InRange(reader.GetInt64(1), 1, 2);
    }

    [Theory]
    [InlineData("postgres")]
    [InlineData("in-memory")]
    public async Task AUserUpdatedWithItsGroups_IsStored_AndComesBackWithTheGroupsItIsIn_OrItsOwn409(string kind)
    {
        var store = Store(kind);
        await store.InsertAsync(Row("member", "member", version: 1), MembershipChange.None, null, CancellationToken.None);
        await store.InsertAsync(Row("loner", "loner", version: 1), MembershipChange.None, null, CancellationToken.None);
        await store.InsertAsync(Group("parent", "Parent"), MembershipChange.None, null, CancellationToken.None);
        await store.InsertAsync(Group("team", "Team"), Members(["member"]), null, CancellationToken.None);
        await ((IGroupTreeStore)store).MoveGroupAsync(Tenant, "team", "parent", CancellationToken.None);

        var groups = await store.UpdateUserWithGroupsAsync(Row("member", "renamed", version: 2), 1, CancellationToken.None);
        var none = await store.UpdateUserWithGroupsAsync(Row("loner", "alone", version: 2), 1, CancellationToken.None);
        var stale = await Assert.ThrowsAsync<ScimException>(() => store.UpdateUserWithGroupsAsync(Row("loner", "late", version: 3), 1, CancellationToken.None));

        Assert.Equal([new UserGroup("parent", "Parent", false), new UserGroup("team", "Team", true)], groups.OrderBy(g => g.GroupId, StringComparer.Ordinal));
        Assert.Empty(none);
        Assert.Equal((409, (string?)null), (stale.Status, stale.ScimType));
        var stored = await Task.WhenAll(new[] { "member", "loner" }.Select(id => store.GetAsync(Tenant, ResourceKind.User, id, CancellationToken.None)));
        Assert.Equal([(2L, "renamed"), (2L, "alone")], stored.Select(s => (s!.Version, UserName(s))));
    }

    [Fact]
    public async Task OnPostgres_UsersUpdatedAtOnceWithTheirGroups_CommitTogether_AndEachGetsItsOwnGroups()
    {
        var store = Store("postgres");
        var ids = Enumerable.Range(0, 30).Select(i => $"g{i}").ToList();
        foreach (var id in ids) await store.InsertAsync(Row(id, id, version: 1), MembershipChange.None, null, CancellationToken.None);
        await store.InsertAsync(Group("even", "Even"), Members(ids.Where((_, i) => i % 2 == 0)), null, CancellationToken.None);
        await store.InsertAsync(Group("third", "Third"), Members(ids.Where((_, i) => i % 3 == 0)), null, CancellationToken.None);
        var expected = await ((IMembershipStore)store).GetGroupsOfUsersAsync(Tenant, ids, CancellationToken.None);
        // Held back by a lock until all have queued: one statement writes them, and only some ask for their groups. The last
        // five were written at a version their writers did not read.
        await using var hold = await PostgresLocks.HoldResourcesAsync(DataSource, "SHARE");
        async Task<IReadOnlyList<UserGroup>?> UpdateAsync(string id, int i)
        {
            var row = Row(id, $"again-{id}", version: 2);
            if (i % 4 != 3) return await store.UpdateUserWithGroupsAsync(row, i < 25 ? 1 : 7, CancellationToken.None);
            await store.UpdateAsync(row, 1, MembershipChange.None, CancellationToken.None);
            return null;
        }
        var updates = ids.Select(UpdateAsync).ToList();
        await PostgresLocks.WaitUntilBlockedAsync(DataSource, expected: 1);
        await hold.ReleaseAsync();

        foreach (var (id, i) in ids.Select((id, i) => (id, i)).Where(e => e.i < 25))
        {
            var groups = await updates[i];
            if (i % 4 == 3) Assert.Null(groups);
            else Assert.Equal(expected.GetValueOrDefault(id)?.OrderBy(g => g.GroupId).ToList() ?? [], groups!.OrderBy(g => g.GroupId));
        }
        foreach (var i in Enumerable.Range(25, 5).Where(i => i % 4 != 3))
            Assert.Equal(409, (await Assert.ThrowsAsync<ScimException>(() => updates[i])).Status);
        await using var command = DataSource.CreateCommand("SELECT count(*), count(DISTINCT xmin::text) FROM scim_resources WHERE tenant = $1 AND kind = 0 AND version = 2");
        command.Parameters.Add(new() { Value = Tenant });
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        Assert.Equal(26L, reader.GetInt64(0));
        Assert.InRange(reader.GetInt64(1), 1, 2);
    }

    [Fact]
    public async Task OnPostgres_AnUpdateTheDatabaseRefuses_FailsAlone_AndTheOthersOfItsBurstAreStored()
    {
        var store = Store("postgres");
        var users = Enumerable.Range(0, 21).Select(i => Row($"o{i}", $"other{i}", version: 1)).ToList();
        foreach (var user in users) await store.InsertAsync(user, MembershipChange.None, null, CancellationToken.None);
        // PostgreSQL text cannot hold U+0000: the statement carrying this row is refused as a whole.
        var updates = users.Select((u, i) => Row(u.Id, i == 10 ? @"nul\u0000name" : $"changed{i}", version: 2))
            .Select(row => (row, Task: store.UpdateAsync(row, 1, MembershipChange.None, CancellationToken.None))).ToList();

        await Assert.ThrowsAnyAsync<Exception>(() => updates[10].Task);
        await Task.WhenAll(updates.Where((_, i) => i != 10).Select(u => u.Task));

        var stored = await Task.WhenAll(users.Select(u => store.GetAsync(Tenant, ResourceKind.User, u.Id, CancellationToken.None)));
        Assert.Equal(users.Select((_, i) => i == 10 ? "other10" : $"changed{i}"), stored.Select(s => UserName(s!)));
    }

    private StoredResource Row(string id, string userName, long version, bool active = true, DateTimeOffset? lastModified = null) =>
        StoredRows.Of(ResourceSchema.User, Tenant, id,
            $$"""{"userName":"{{userName}}","externalId":"x-{{userName}}","displayName":"User {{userName}}","active":{{(active ? "true" : "false")}}}""",
            version, DateTimeOffset.UnixEpoch, lastModified);

    private static MembershipChange Members(IEnumerable<string> ids) => new(false, ids.Select(id => new GroupMember(id, null)).ToList(), []);

    private static StoreQuery Query(string filter) => new(ResourceSchema.User, FilterParser.Parse(filter), null, 1, 10);

    private static string UserName(StoredResource user) => ResourceDocument.GetString(user.Document, "userName")!;
}
