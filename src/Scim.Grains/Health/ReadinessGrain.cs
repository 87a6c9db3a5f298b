using Orleans.Concurrency;
using Scim.Grains.Interfaces.Health;
using Scim.Grains.Storage;

namespace Scim.Grains.Health;

/// <summary>A stateless probe: any silo answers, by asking its store to answer.</summary>
[StatelessWorker, Reentrant]
internal sealed class ReadinessGrain(IResourceStore store) : Grain, IReadinessGrain
{
    public Task CheckAsync() => store.PingAsync(CancellationToken.None);
}
