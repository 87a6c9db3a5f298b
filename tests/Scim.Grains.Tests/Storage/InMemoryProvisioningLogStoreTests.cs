using Scim.Grains.Interfaces.Platform;
using Scim.Grains.Storage;

namespace Scim.Grains.Tests.Storage;

public sealed class InMemoryProvisioningLogStoreTests
{
    private static ProvisioningLogEntry Entry(int i) =>
        new(0, DateTimeOffset.UtcNow, "token", "okta", "GET", $"/scim/v2/t/Users/{i}", 200, "User", i.ToString(System.Globalization.CultureInfo.InvariantCulture), []);

    [Fact]
    public async Task ATenantKeepsItsNewestEntriesUpToTheBound_OtherTenantsTheirOwn()
    {
        var store = new InMemoryProvisioningLogStore(maxEntriesPerTenant: 10);
        await store.AppendAsync("busy", Enumerable.Range(1, 15).Select(Entry).ToList(), CancellationToken.None);
        await store.AppendAsync("quiet", [Entry(1)], CancellationToken.None);
        await store.AppendAsync("busy", Enumerable.Range(16, 10).Select(Entry).ToList(), CancellationToken.None);

        var busy = await store.ReadAsync("busy", new LogQuery(null, null, null, null, null, null, 100), CancellationToken.None);
        var quiet = await store.ReadAsync("quiet", new LogQuery(null, null, null, null, null, null, 100), CancellationToken.None);

        Assert.Equal(Enumerable.Range(16, 10).Reverse().Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), busy.Select(e => e.ResourceId));
        Assert.Single(quiet);
    }
}
