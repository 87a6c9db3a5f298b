using Scim.Grains.Documents;
using Scim.Grains.Filtering;
using Scim.Grains.Interfaces.Errors;
using Scim.Grains.Interfaces.Platform;
using Scim.Grains.Interfaces.Resources;
using Scim.Grains.Schemas;
using Scim.Grains.Storage;
using Scim.Grains.Storage.Postgres;

namespace Scim.Grains.Tests.Storage;

/// <summary>
/// Users created at the same moment (an IdP's first sync over many connections) are each stored with the e-mail they
/// owe, or refused with their own 409, whether or not the store commits them together (<see cref="UserInsertQueue"/>).
/// </summary>
public sealed class UserInsertQueueTests() : BothStoresTests("burst")
{
    [Theory]
    [InlineData("postgres")]
    [InlineData("in-memory")]
    public async Task UsersCreatedAtOnce_AreEachStored_WithTheMailEachOwes(string kind)
    {
        var store = Store(kind);
        // Every column a row is written with differs between users, so that a value stored in another's place shows.
        var users = Enumerable.Range(0, 60).Select(i => StoredRows.Of(ResourceSchema.User, Tenant, $"u{i}",
            $$"""{"userName":"user{{i}}","externalId":"x{{i}}","displayName":"User {{i}}","active":{{(i % 3 == 0 ? "false" : "true")}}}""",
            version: i + 1, created: DateTimeOffset.UnixEpoch.AddDays(i), lastModified: DateTimeOffset.UnixEpoch.AddDays(i + 1))).ToList();

        await Task.WhenAll(users.Select((user, i) => store.InsertAsync(user, MembershipChange.None, i % 2 == 0 ? Mail(user) : null, CancellationToken.None)));

        foreach (var (user, i) in users.Select((u, i) => (u, i)))
        {
            var stored = (await store.GetAsync(Tenant, ResourceKind.User, user.Id, CancellationToken.None))!;
            Assert.Equal((user.Version, user.Document.ToJsonString()), (stored.Version, stored.Document.ToJsonString()));
            foreach (var filter in new[] { $"externalId eq \"x{i}\"", $"displayName eq \"User {i}\"", $"userName eq \"USER{i}\"" })
            {
                var found = await store.QueryAsync(Tenant, new StoreQuery(ResourceSchema.User, FilterParser.Parse(filter), null, 1, 10), CancellationToken.None);
                Assert.Equal(user.Id, Assert.Single(found.Resources).Id);
            }
        }
        var mailed = await OutboxOf(store).LatestAsync(Tenant, users.Select(u => u.Id).ToList(), CancellationToken.None);
        Assert.Equal(users.Where((_, i) => i % 2 == 0).Select(u => u.Id).Order(), mailed.Keys.Order());
    }

    [Theory]
    [InlineData("postgres")]
    [InlineData("in-memory")]
    public async Task UsersCreatedAtOnce_WithTakenNamesOrIds_AreRefusedEachWithItsOwn409_AndOweNoMail(string kind)
    {
        var store = Store(kind);
        await store.InsertAsync(User("existing", "taken"), MembershipChange.None, null, CancellationToken.None);
        var fresh = Enumerable.Range(0, 30).Select(i => User($"fresh{i}", $"fresh{i}")).ToList();
        // Each pair races for one name inside the burst; one user names the taken name in other case; one reuses an id.
        var pairs = Enumerable.Range(0, 5).SelectMany(i => new[] { User($"a{i}", $"pair{i}"), User($"b{i}", $"PAIR{i}") }).ToList();
        var refused = new[] { User("late", "TAKEN"), User("fresh0", "someone-else") };
        var all = fresh.Take(15).Concat(pairs).Concat(refused).Concat(fresh.Skip(15)).ToList();

        var outcomes = await Task.WhenAll(all.Select(async user =>
        {
            try
            {
                await store.InsertAsync(user, MembershipChange.None, Mail(user), CancellationToken.None);
                return (user, Error: (ScimException?)null);
            }
            catch (ScimException e)
            {
                return (user, Error: e);
            }
        }));

        var failed = outcomes.Where(o => o.Error is not null).ToList();
        Assert.All(failed, o => Assert.Equal((409, ScimType.Uniqueness), (o.Error!.Status, o.Error.ScimType)));
        Assert.Equal(["fresh0/someone-else", "late/TAKEN"],
            failed.Where(o => !o.user.Id.StartsWith('a') && !o.user.Id.StartsWith('b')).Select(o => $"{o.user.Id}/{UserName(o.user)}").Order());
        Assert.Equal(5, failed.Count(o => o.user.Id.StartsWith('a') || o.user.Id.StartsWith('b')));
        for (var i = 0; i < 5; i++)
        {
            var winner = outcomes.Single(o => o.Error is null && UserName(o.user).Equals($"pair{i}", StringComparison.OrdinalIgnoreCase)).user;
            Assert.Equal(UserName(winner), UserName((await store.GetAsync(Tenant, ResourceKind.User, winner.Id, CancellationToken.None))!));
        }
        Assert.Equal("fresh0", UserName((await store.GetAsync(Tenant, ResourceKind.User, "fresh0", CancellationToken.None))!));
        var created = outcomes.Where(o => o.Error is null).Select(o => o.user.Id).ToList();
        var mailed = await OutboxOf(store).LatestAsync(Tenant, all.Select(u => u.Id).Distinct().ToList(), CancellationToken.None);
        Assert.Equal(created.Order(), mailed.Keys.Order());
    }

    [Fact]
    public async Task OnPostgres_UsersCreatedAtOnce_CommitTogether()
    {
        var store = Store("postgres");
        // The first batch waits on a lock the test holds until every user has queued: on a loaded machine the test's
        // thread could otherwise lose the processor between two users while commits run, and split the burst further.
        await using var hold = await PostgresLocks.HoldResourcesAsync(DataSource, "SHARE");
        var inserts = Enumerable.Range(0, 40).Select(i => store.InsertAsync(User($"t{i}", $"together{i}"), MembershipChange.None, null, CancellationToken.None)).ToList();
        await PostgresLocks.WaitUntilBlockedAsync(DataSource, expected: 1);
        await hold.ReleaseAsync();

        await Task.WhenAll(inserts);

        await using var command = DataSource.CreateCommand("SELECT count(DISTINCT xmin::text) FROM scim_resources WHERE tenant = $1");
        command.Parameters.Add(new() { Value = Tenant });
        var transactions = (long)(await command.ExecuteScalarAsync())!;
        // The first batch (those queued when it went out) waits on the lock, and the others queue behind its commit: one or
        // two transactions; one per user would be 40.
        Assert.InRange(transactions, 1, 2);
    }

    [Fact]
    public async Task OnPostgres_ARowTheDatabaseRefuses_FailsAlone_AndTheOthersOfItsBurstAreStored()
    {
        var store = Store("postgres");
        // PostgreSQL text cannot hold U+0000: the statement carrying this row is refused as a whole.
        var refused = User("nul", @"nul\u0000name");
        var others = Enumerable.Range(0, 20).Select(i => User($"o{i}", $"other{i}")).ToList();
        var inserts = others.Take(10).Append(refused).Concat(others.Skip(10))
            .Select(user => (user, Task: store.InsertAsync(user, MembershipChange.None, Mail(user), CancellationToken.None))).ToList();

        await Assert.ThrowsAnyAsync<Exception>(() => inserts.Single(i => i.user == refused).Task);
        await Task.WhenAll(inserts.Where(i => i.user != refused).Select(i => i.Task));

        foreach (var user in others) Assert.NotNull(await store.GetAsync(Tenant, ResourceKind.User, user.Id, CancellationToken.None));
        Assert.Null(await store.GetAsync(Tenant, ResourceKind.User, "nul", CancellationToken.None));
        Assert.Equal(others.Select(u => u.Id).Order(), (await OutboxOf(store).LatestAsync(Tenant, [.. others.Select(u => u.Id), "nul"], CancellationToken.None)).Keys.Order());
    }

    private OutboxMessage Mail(StoredResource user) => OutboxMessage.New(Tenant, user.Id, MailKind.TemporaryPassword, DateTimeOffset.UtcNow);

    private static string UserName(StoredResource user) => ResourceDocument.GetString(user.Document, "userName")!;
}
