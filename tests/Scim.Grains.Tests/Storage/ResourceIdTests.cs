using Scim.Grains.Documents;
using Scim.Grains.Interfaces.Errors;
using Scim.Grains.Interfaces.Resources;
using Scim.Grains.Schemas;
using Scim.Grains.Storage;

namespace Scim.Grains.Tests.Storage;

/// <summary>
/// A resource's id is unique within its tenant and kind, whatever index keeps it so (on PostgreSQL the primary key, led
/// by the id since migration 0019): a second row with a stored id is refused as that id taken, on both stores.
/// </summary>
public sealed class ResourceIdTests() : BothStoresTests("ids")
{
    [Theory]
    [InlineData("postgres")]
    [InlineData("in-memory")]
    public async Task AUserInsertedWithAStoredId_IsRefusedAsItsIdTaken_NotItsName(string kind)
    {
        var store = Store(kind);
        await store.InsertAsync(User("u1", "first"), MembershipChange.None, null, CancellationToken.None);

        var taken = await Assert.ThrowsAsync<ScimException>(() =>
            store.InsertAsync(User("u1", "second"), MembershipChange.None, null, CancellationToken.None));

        Assert.Equal((409, ScimType.Uniqueness), (taken.Status, taken.ScimType));
        Assert.Contains("id 'u1'", taken.Message);
        var row = await store.GetAsync(Tenant, ResourceKind.User, "u1", CancellationToken.None);
        Assert.Equal("first", ResourceDocument.GetString(row!.Document, "userName"));
    }

    [Theory]
    [InlineData("postgres")]
    [InlineData("in-memory")]
    public async Task AGroupInsertedWithAStoredId_IsRefusedAsItsIdTaken(string kind)
    {
        var store = Store(kind);
        await store.InsertAsync(Group("g1", "Team"), MembershipChange.None, null, CancellationToken.None);

        var taken = await Assert.ThrowsAsync<ScimException>(() =>
            store.InsertAsync(Group("g1", "Other team"), MembershipChange.None, null, CancellationToken.None));

        Assert.Contains("id 'g1'", taken.Message);
    }

    [Theory]
    [InlineData("postgres")]
    [InlineData("in-memory")]
    public async Task TheSameIdInAnotherTenant_IsStoredBesideTheFirst(string kind)
    {
        var store = Store(kind);
        await store.InsertAsync(User("u1", "first"), MembershipChange.None, null, CancellationToken.None);

        await store.InsertAsync(StoredRows.Of(ResourceSchema.User, "other", "u1", """{"userName":"first"}"""), MembershipChange.None, null,
            CancellationToken.None);

        Assert.NotNull(await store.GetAsync("other", ResourceKind.User, "u1", CancellationToken.None));
        Assert.NotNull(await store.GetAsync(Tenant, ResourceKind.User, "u1", CancellationToken.None));
    }
}
