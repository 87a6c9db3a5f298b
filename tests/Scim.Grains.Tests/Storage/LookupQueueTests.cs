using Scim.Grains.Documents;
using Scim.Grains.Filtering;
using Scim.Grains.Schemas;
using Scim.Grains.Storage;
using Scim.Grains.Storage.Postgres;

namespace Scim.Grains.Tests.Storage;

/// <summary>
/// Lookups by an indexed equality sent at the same moment (an IdP's cycle over many connections, in many tenants) each
/// find what they would have found alone, whether or not the store sends them together (<see cref="LookupQueue"/>).
/// </summary>
public sealed class LookupQueueTests() : BothStoresTests("lookups")
{
    private const string OtherTenant = "lookups-other";

    [Theory]
    [InlineData("postgres")]
    [InlineData("in-memory")]
    public async Task LookupsAtOnce_EachFindWhatTheyWouldFindAlone_InTheirOwnTenant(string kind)
    {
        var store = Store(kind);
        // Both tenants hold the same names under other ids.
        foreach (var tenant in new[] { Tenant, OtherTenant })
        {
            for (var i = 0; i < 20; i++)
            {
                await store.InsertAsync(StoredRows.Of(ResourceSchema.User, tenant, $"{tenant}-u{i}", $$"""{"userName":"user{{i}}","externalId":"x{{i}}"}"""),
                    MembershipChange.None, null, CancellationToken.None);
            }
        }
        var asked = Enumerable.Range(0, 25).SelectMany(i => new[]
        {
            (Tenant: i % 2 == 0 ? Tenant : OtherTenant, Filter: $"userName eq \"USER{i}\""),
            (Tenant: i % 2 == 0 ? OtherTenant : Tenant, Filter: $"externalId eq \"x{i}\""),
        }).ToList();

        var found = await Task.WhenAll(asked.Select(a => store.QueryAsync(a.Tenant, Query(a.Filter), CancellationToken.None)));

        foreach (var (a, page) in asked.Zip(found))
        {
            var index = int.Parse(a.Filter.Split('"')[1].TrimStart('U', 'S', 'E', 'R', 'x'));
            Assert.Equal(index < 20 ? [$"{a.Tenant}-u{index}"] : Array.Empty<string>(), page.Resources.Select(r => r.Id));
            Assert.Equal(page.Resources.Count, page.TotalResults);
        }
    }

    [Fact]
    public async Task OnPostgres_LookupsAtOnce_QueueBehindTheLookupBeforeThem()
    {
        var store = Store("postgres");
        for (var i = 0; i < 30; i++)
            await store.InsertAsync(User($"q{i}", $"queued{i}"), MembershipChange.None, null, CancellationToken.None);
        await using var hold = await PostgresLocks.HoldResourcesAsync(DataSource, "ACCESS EXCLUSIVE");

        var lookups = Enumerable.Range(0, 30).Select(i => store.QueryAsync(Tenant, Query($"userName eq \"queued{i}\""), CancellationToken.None)).ToList();
        await PostgresLocks.WaitUntilBlockedAsync(DataSource, expected: 1);
        await Task.Delay(TimeSpan.FromMilliseconds(300));

        // Sent one by one, each would wait for the lock on a connection of its own.
        Assert.Equal(1, await PostgresLocks.BlockedAsync(DataSource));
        await hold.ReleaseAsync();
        Assert.Equal(Enumerable.Range(0, 30).Select(i => $"q{i}"), (await Task.WhenAll(lookups)).Select(page => Assert.Single(page.Resources).Id));
    }

    [Fact]
    public async Task OnPostgres_ALookupTheDatabaseRefuses_FailsAlone_AndTheOthersOfItsBatchFindTheirUsers()
    {
        var store = Store("postgres");
        for (var i = 0; i < 20; i++)
            await store.InsertAsync(User($"o{i}", $"other{i}"), MembershipChange.None, null, CancellationToken.None);
        // PostgreSQL text cannot hold U+0000 (the filter parser refuses it; the store is asked directly here).
        var refused = new StoreQuery(ResourceSchema.User, Filters.Eq("userName", LiteralKind.String, "nul\u0000name"), null, 1, 10);
        var lookups = Enumerable.Range(0, 20).Select(i => Query($"userName eq \"other{i}\"")).ToList();
        lookups.Insert(10, refused);

        var sent = lookups.Select(query => store.QueryAsync(Tenant, query, CancellationToken.None)).ToList();

        await Assert.ThrowsAnyAsync<Exception>(() => sent[10]);
        Assert.Equal(Enumerable.Range(0, 20).Select(i => $"o{i}"),
            (await Task.WhenAll(sent.Where((_, i) => i != 10))).Select(page => Assert.Single(page.Resources).Id));
    }

    private static StoreQuery Query(string filter) => new(ResourceSchema.User, FilterParser.Parse(filter), null, 1, 100);
}
