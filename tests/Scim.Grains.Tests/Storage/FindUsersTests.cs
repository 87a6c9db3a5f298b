using Scim.Grains.Documents;
using Scim.Grains.Filtering;
using Scim.Grains.Interfaces.Resources;
using Scim.Grains.Schemas;
using Scim.Grains.Storage;

namespace Scim.Grains.Tests.Storage;

/// <summary>
/// Users found by many userNames at once (what an import checks its rows against) are the users that a lookup by each
/// name finds, on both stores.
/// </summary>
public sealed class FindUsersTests() : BothStoresTests("find")
{
    [Theory]
    [InlineData("postgres")]
    [InlineData("in-memory")]
    public async Task UsersFoundByName_AreThoseALookupByEachNameFinds_UnderTheNameAskedFor(string kind)
    {
        var store = Store(kind);
        await store.InsertAsync(User("ada", "Ada.Lovelace"), MembershipChange.None, null, CancellationToken.None);
        await store.InsertAsync(User("alan", "alan"), MembershipChange.None, null, CancellationToken.None);
        await store.InsertAsync(Group("team", "ada.lovelace"), MembershipChange.None, null, CancellationToken.None);
        string[] asked = ["ada.LOVELACE", "alan", "nobody", "team"];

        var found = await store.FindUsersAsync(Tenant, asked, CancellationToken.None);

        Assert.Equal(["ada.LOVELACE", "alan"], found.Keys.Order(StringComparer.Ordinal));
        foreach (var name in asked)
        {
            var lookup = await store.QueryAsync(Tenant, new StoreQuery(ResourceSchema.User, Filters.Eq("userName", LiteralKind.String, name), null, 1, 10),
                CancellationToken.None);
            Assert.Equal(lookup.Resources.Select(r => (r.Id, r.Version, r.CreatedByPlatform, r.Document.ToJsonString())),
                found.TryGetValue(name, out var user) ? [(user.Id, user.Version, user.CreatedByPlatform, user.Document.ToJsonString())] : []);
        }
    }
}
