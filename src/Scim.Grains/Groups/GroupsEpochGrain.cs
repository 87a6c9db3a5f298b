using Orleans.Concurrency;
using Orleans.Runtime;
using Scim.Grains.Interfaces.Groups;
using Scim.Grains.Resources;

namespace Scim.Grains.Groups;

/// <summary>
/// A tenant's announcer of group changes, held in memory only. Announcements run in parallel and calls interleave, so
/// concurrent changes never queue behind each other's announcements.
/// </summary>
[Reentrant]
internal sealed class GroupsEpochGrain(GroupsEpochs thisSilo, IClusterMembershipService membership, TimeProvider clock)
    : Grain, IGroupsEpochGrain
{
    private readonly Dictionary<GrainId, Leased> leases = [];
    private readonly long activatedAt = clock.GetTimestamp();

    private string Tenant => this.GetPrimaryKeyString();

    public Task<bool> LeaseAsync(IGroupsEpochObserver observer)
    {
        var id = observer.GetGrainId();
        // Kept while this activation still holds the lease, even one that ran out: a change announced since would have
        // let it go (an ended lease at each announcement, an unanswered one at once), so a renewal that a busy silo sent
        // late keeps its epoch when nothing changed meanwhile.
        var kept = leases.ContainsKey(id);
        leases[id] = new Leased(observer, clock.GetTimestamp() + GroupsEpochs.LeaseTicks(clock));
        return Task.FromResult(kept);
    }

    public Task AdvanceAsync() =>
        Task.WhenAll(Current().Select(leased => AnnounceAsync(leased, observer => observer.AdvancedAsync(Tenant))).Append(EarlierLeasesOverAsync()));

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) =>
        Task.WhenAll(Current().Select(leased => AnnounceAsync(leased, observer => observer.LeaseEndedAsync(Tenant))));

    private List<Leased> Current()
    {
        var now = clock.GetTimestamp();
        foreach (var ended in leases.Where(lease => lease.Value.Until <= now).Select(lease => lease.Key).ToList()) leases.Remove(ended);
        return [.. leases.Values];
    }

    private async Task AnnounceAsync(Leased leased, Func<IGroupsEpochObserver, Task> announce)
    {
        if (thisSilo.IsThisSilo(leased.Observer))
        {
            await announce(thisSilo);
            return;
        }
        try
        {
            var left = Left(leased.Until);
            await announce(leased.Observer).WaitAsync(left > TimeSpan.Zero ? left : TimeSpan.Zero, clock);
        }
        catch (Exception)
        {
            // Not known to have heard it: its lease is broken (its next renewal is told so), and the change is not
            // acknowledged until every lease it was granted has run out.
            var id = leased.Observer.GetGrainId();
            var until = leases.TryGetValue(id, out var latest) ? Math.Max(latest.Until, leased.Until) : leased.Until;
            leases.Remove(id);
            await UntilAsync(until);
        }
    }

    /// <summary>
    /// An earlier activation whose silo failed could not end its leases: they run out within a lease of this activation's
    /// start, so no change is acknowledged before then. A lone silo's own receiver was told when the activation ended.
    /// </summary>
    private Task EarlierLeasesOverAsync()
    {
        var over = activatedAt + GroupsEpochs.LeaseTicks(clock);
        return clock.GetTimestamp() < over && membership.CurrentSnapshot.Members.Values.Count(silo => silo.Status == SiloStatus.Active) > 1
            ? UntilAsync(over)
            : Task.CompletedTask;
    }

    /// <summary>
    /// Timers count coarse milliseconds (on Linux the kernel's tick, a few of them) and can fire that much before the
    /// clock says the time has come, so this waits again until the clock agrees.
    /// </summary>
    private async Task UntilAsync(long timestamp)
    {
        for (var left = Left(timestamp); left > TimeSpan.Zero; left = Left(timestamp))
            await Task.Delay(TimeSpan.FromMilliseconds(Math.Ceiling(left.TotalMilliseconds)), clock);
    }

    private TimeSpan Left(long timestamp) => clock.GetElapsedTime(clock.GetTimestamp(), timestamp);

    private sealed record Leased(IGroupsEpochObserver Observer, long Until);
}
