using Scim.Grains.Documents;
using Scim.Grains.Filtering;
using Scim.Grains.Interfaces.Resources;
using Scim.Grains.Schemas;
using Scim.Grains.Storage;

namespace Scim.Grains.Tests.Storage;

/// <summary>The in-memory store's indexed lookups follow every write: an eq on userName or externalId never sees stale values.</summary>
public sealed class InMemoryResourceStoreTests
{
    private const string Tenant = "t";
    private readonly InMemoryResourceStore store = new();

    [Fact]
    public async Task ExternalIdLookup_FollowsUpdatesAndDeletes()
    {
        await store.InsertAsync(User("a", "alice", "ext-1", 1), MembershipChange.None, null, CancellationToken.None);
        await store.InsertAsync(User("b", "bob", "ext-1", 1), MembershipChange.None, null, CancellationToken.None);
        await store.UpdateAsync(User("a", "alice", "ext-2", 2), 1, MembershipChange.None, CancellationToken.None);

        Assert.Equal(["b"], await IdsAsync("externalId eq \"ext-1\""));
        Assert.Equal(["a"], await IdsAsync("externalId eq \"ext-2\" and userName eq \"ALICE\""));

        await store.DeleteAsync(Tenant, ResourceKind.User, "b", 1, CancellationToken.None);
        Assert.Empty(await IdsAsync("externalId eq \"ext-1\""));
    }

    [Fact]
    public async Task UserNameLookup_FollowsRenames()
    {
        await store.InsertAsync(User("a", "alice", null, 1), MembershipChange.None, null, CancellationToken.None);
        await store.UpdateAsync(User("a", "alicia", null, 2), 1, MembershipChange.None, CancellationToken.None);

        Assert.Empty(await IdsAsync("userName eq \"alice\""));
        Assert.Equal(["a"], await IdsAsync("userName eq \"Alicia\""));
        Assert.Equal(["a"], await IdsAsync("id eq \"a\""));
    }

    /// <summary>
    /// A lone comparison of a name the row keeps beside its document is answered from that name, without the document: the
    /// answer must still be the filter's own, also where the index's lowercased key finds a candidate the filter refuses
    /// (the attribute is case-exact: externalId, id) and for names whose case is unusual (the Kelvin sign, a dotted I).
    /// </summary>
    [Theory]
    [InlineData("userName eq \"KELVIN\"")]
    [InlineData("userName eq \"\u212Aelvin\"")]
    [InlineData("userName eq \"\u0130stanbul\"")]
    [InlineData("userName eq \"istanbul\"")]
    [InlineData("externalId eq \"EXT-1\"")]
    [InlineData("externalId eq \"ext-1\"")]
    [InlineData("id eq \"A\"")]
    [InlineData("id eq \"a\"")]
    [InlineData("userName sw \"KEL\"")]
    [InlineData("userName ne \"kelvin\"")]
    [InlineData("externalId co \"XT\"")]
    [InlineData("id gt \"a\"")]
    public async Task AComparisonOfANameTheRowKeeps_MatchesWhatTheFilterMatchesOnTheDocument(string text)
    {
        StoredResource[] users = [User("a", "kelvin", "EXT-1", 1), User("b", "\u0130stanbul", null, 1)];
        foreach (var user in users) await store.InsertAsync(user, MembershipChange.None, null, CancellationToken.None);
        var filter = FilterParser.Parse(text);

        var expected = users.Where(u => FilterEvaluator.Matches(filter, u.Document, ResourceSchema.User)).Select(u => u.Id);

        Assert.Equal(expected, await IdsAsync(text));
    }

    private async Task<IEnumerable<string>> IdsAsync(string filter)
    {
        var page = await store.QueryAsync(Tenant, new StoreQuery(ResourceSchema.User, FilterParser.Parse(filter), null, 1, 10), CancellationToken.None);
        return page.Resources.Select(r => r.Id);
    }

    private static StoredResource User(string id, string userName, string? externalId, long version) =>
        StoredRows.Of(ResourceSchema.User, Tenant, id,
            externalId is null ? $$"""{"userName":"{{userName}}"}""" : $$"""{"userName":"{{userName}}","externalId":"{{externalId}}"}""", version);
}
