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

    [Fact]
    public async Task RepeatedStringsAreKeptOnce_AndEveryEntryReadsBackAsWritten()
    {
        var store = new InMemoryProvisioningLogStore();
        // Built apart, as entries arriving from requests are: equal strings, distinct instances.
        ProvisioningLogEntry Create(int i) => new(0, DateTimeOffset.UtcNow, new string("token".ToCharArray()), "okta", new string("POST".ToCharArray()),
            new string("/scim/v2/t/Users".ToCharArray()), 201, "User", $"id-{i}", [new string("userName".ToCharArray()), $"custom{i}"]);
        await store.AppendAsync("t", Enumerable.Range(0, 20_000).Select(Create).ToList(), CancellationToken.None);

        var read = await store.ReadAsync("t", new LogQuery(null, null, null, null, null, null, 20_000), CancellationToken.None);

        Assert.Equal(20_000, read.Count);
        Assert.Same(read[0].Path, read[1].Path);
        Assert.Same(read[0].Attributes[0], read[^1].Attributes[0]);
        Assert.All(read, e => Assert.Equal(["userName", $"custom{e.ResourceId![3..]}"], e.Attributes));
        Assert.All(read, e => Assert.Equal(("token", "POST", "/scim/v2/t/Users"), (e.TokenId, e.Method, e.Path)));
    }
}
