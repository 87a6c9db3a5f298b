using Orleans.Concurrency;
using Scim.Grains.Interfaces.Groups;

namespace Scim.Grains.Groups;

/// <summary>
/// A tenant's groups epoch, held in memory only: a new activation (after a collection or a silo's death) begins a
/// fresh epoch, so nothing read under an earlier activation is taken as current. No call awaits anything, so calls
/// interleave freely and never queue behind each other.
/// </summary>
[Reentrant]
internal sealed class GroupsEpochGrain : Grain, IGroupsEpochGrain
{
    private Guid epoch = Guid.NewGuid();

    public Task<Guid> CurrentAsync() => Task.FromResult(epoch);

    public Task AdvanceAsync()
    {
        epoch = Guid.NewGuid();
        return Task.CompletedTask;
    }
}
