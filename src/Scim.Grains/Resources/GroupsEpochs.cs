using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Scim.Grains.Interfaces.Groups;

namespace Scim.Grains.Resources;

/// <summary>
/// This silo's epochs of its tenants' groups: a new epoch begins at each change announced by the tenant's
/// <see cref="IGroupsEpochGrain"/>, so groups read while an epoch is current stay true until it changes. While the silo
/// holds a lease on a tenant's announcements its epoch is read without a grain call; a lease that was broken, or that ran
/// out while a change was announced, begins a new epoch, since that change went unannounced to this silo.
/// </summary>
public sealed partial class GroupsEpochs : IGroupsEpochObserver
{
    /// <summary>How long a lease lasts. A silo renews it once half has passed, while the tenant's users are read.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromSeconds(2);

    private readonly IGrainFactory grains;
    private readonly TimeProvider clock;
    private readonly ILogger<GroupsEpochs> logger;
    private readonly Lazy<IGroupsEpochObserver> reference;
    private readonly ConcurrentDictionary<string, TenantEpoch> tenants = new(StringComparer.Ordinal);
    // An epoch value is never handed out twice, so a user's groups held under one are never taken as current after it ended.
    private long lastEpoch;

    public GroupsEpochs(IGrainFactory grains, TimeProvider clock, ILogger<GroupsEpochs> logger)
    {
        this.grains = grains;
        this.clock = clock;
        this.logger = logger;
        reference = new Lazy<IGroupsEpochObserver>(() => grains.CreateObjectReference<IGroupsEpochObserver>(this));
    }

    /// <summary>The length of a lease in <see cref="TimeProvider.GetTimestamp"/> units of <paramref name="clock"/>.</summary>
    public static long LeaseTicks(TimeProvider clock) => (long)(Lease.TotalSeconds * clock.TimestampFrequency);

    /// <summary>The current epoch of a tenant's groups.</summary>
    public ValueTask<long> CurrentAsync(string tenant)
    {
        // A static factory: a lambda capturing this silo's epochs would be allocated on every read.
        var entry = tenants.GetOrAdd(tenant, static (_, epochs) => new TenantEpoch(epochs.NextEpoch()), this);
        lock (entry)
        {
            var left = entry.LeasedUntil - clock.GetTimestamp();
            if (left > LeaseTicks(clock) / 2) return ValueTask.FromResult(entry.Epoch);
            // Renewed off any grain's turn: the reference to this silo's receiver can only be made there.
            var renewal = entry.Renewal ??= Task.Run(() => RenewAsync(tenant, entry));
            return left > 0 ? ValueTask.FromResult(entry.Epoch) : new ValueTask<long>(renewal);
        }
    }

    /// <summary>Whether <paramref name="observer"/> is this silo's receiver, which the announcer then calls in process.</summary>
    public bool IsThisSilo(IGroupsEpochObserver observer) => reference.IsValueCreated && observer.GetGrainId() == reference.Value.GetGrainId();

    /// <summary>A tenant's groups changed.</summary>
    public Task AdvancedAsync(string tenant)
    {
        if (tenants.TryGetValue(tenant, out var entry)) lock (entry) entry.Epoch = NextEpoch();
        return Task.CompletedTask;
    }

    /// <summary>The tenant's announcer stopped: announcements of its next activation need a new lease.</summary>
    public Task LeaseEndedAsync(string tenant)
    {
        if (!tenants.TryGetValue(tenant, out var entry)) return Task.CompletedTask;
        lock (entry)
        {
            (entry.Epoch, entry.LeasedUntil) = (NextEpoch(), 0);
            entry.LeaseEnds++;
        }
        return Task.CompletedTask;
    }

    private async Task<long> RenewAsync(string tenant, TenantEpoch entry)
    {
        // The lease is counted from before the request: the announcer counts it from later, so it never ends there first.
        var requested = clock.GetTimestamp();
        int leaseEnds;
        lock (entry) leaseEnds = entry.LeaseEnds;
        bool kept;
        try
        {
            kept = await grains.GetGrain<IGroupsEpochGrain>(tenant).LeaseAsync(reference.Value);
        }
        catch (Exception e)
        {
            bool first;
            long epoch;
            lock (entry)
            {
                (first, entry.Failing) = (!entry.Failing, true);
                // Unknown whether anything changed: a new epoch, and the next read tries again.
                entry.Renewal = null;
                epoch = entry.Epoch = NextEpoch();
            }
            // Said once until a renewal succeeds again: while the announcer is unreachable, every read retries.
            if (first) LogLeaseFailed(e, tenant);
            return epoch;
        }
        lock (entry)
        {
            entry.Failing = false;
            if (!kept) entry.Epoch = NextEpoch();
            // A lease ended meanwhile may be the one just granted (its announcer stopped before the answer arrived):
            // the next read leases again from the announcer's next activation.
            if (entry.LeaseEnds == leaseEnds) entry.LeasedUntil = requested + LeaseTicks(clock);
            entry.Renewal = null;
            return entry.Epoch;
        }
    }

    private long NextEpoch() => Interlocked.Increment(ref lastEpoch);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not lease the groups announcements of tenant {Tenant}; users' groups are read from the store until a lease is granted.")]
    private partial void LogLeaseFailed(Exception exception, string tenant);

    private sealed class TenantEpoch(long epoch)
    {
        public long Epoch { get; set; } = epoch;
        public long LeasedUntil { get; set; }
        public int LeaseEnds { get; set; }
        public bool Failing { get; set; }
        public Task<long>? Renewal { get; set; }
    }
}
