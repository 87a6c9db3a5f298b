using System.Collections.Concurrent;
using Scim.Grains.Interfaces.Platform;

namespace Scim.Grains.Storage;

/// <summary>
/// The single-node provisioning log: per tenant a list in sequence order, behind the tenant's lock. Memory is all it
/// has, so each tenant keeps its newest <paramref name="maxEntriesPerTenant"/> entries (within the retention): a busy
/// sync cannot grow the process without bound.
/// </summary>
public sealed class InMemoryProvisioningLogStore(int maxEntriesPerTenant = InMemoryProvisioningLogStore.DefaultMaxEntriesPerTenant) : IProvisioningLogStore
{
    public const int DefaultMaxEntriesPerTenant = 100_000;

    private readonly ConcurrentDictionary<string, List<ProvisioningLogEntry>> logs = new(StringComparer.Ordinal);
    // A tenant's entries repeat the same few methods, paths, names and tokens: kept once, an entry costs about half.
    private readonly SharedStrings shared = new();
    private long nextSequence;

    public Task AppendAsync(string tenant, IReadOnlyList<ProvisioningLogEntry> entries, CancellationToken cancellationToken)
    {
        var log = logs.GetOrAdd(tenant, _ => []);
        lock (log)
        {
            foreach (var entry in entries) log.Add(Compact(entry) with { Sequence = Interlocked.Increment(ref nextSequence) });
            if (log.Count > maxEntriesPerTenant) log.RemoveRange(0, log.Count - maxEntriesPerTenant);
        }
        return Task.CompletedTask;
    }

    private ProvisioningLogEntry Compact(ProvisioningLogEntry entry) => entry with
    {
        TokenId = shared.ShareOrNull(entry.TokenId),
        IdentityProvider = shared.ShareOrNull(entry.IdentityProvider),
        Method = shared.Share(entry.Method),
        // A path that names one resource is unique to it: only the others repeat.
        Path = entry.ResourceId is { } id && entry.Path.EndsWith(id, StringComparison.Ordinal) ? entry.Path : shared.Share(entry.Path),
        ResourceType = shared.ShareOrNull(entry.ResourceType),
        Attributes = entry.Attributes.Select(shared.Share).ToArray(),
        Note = shared.ShareOrNull(entry.Note),
    };

    public Task<IReadOnlyList<ProvisioningLogEntry>> ReadAsync(string tenant, LogQuery query, CancellationToken cancellationToken)
    {
        if (!logs.TryGetValue(tenant, out var log)) return Task.FromResult<IReadOnlyList<ProvisioningLogEntry>>([]);
        lock (log)
        {
            IReadOnlyList<ProvisioningLogEntry> page = Enumerable.Reverse(log)
                .Where(e => query.Before is not { } before || e.Sequence < before)
                .Where(e => (query.From is not { } from || e.Time >= from) && (query.To is not { } to || e.Time < to))
                .Where(e => (query.StatusFrom is not { } low || e.Status >= low) && (query.StatusTo is not { } high || e.Status <= high))
                .Where(e => query.ResourceId is null || e.ResourceId == query.ResourceId)
                .Where(e => query.ResourceType is null || e.ResourceType == query.ResourceType)
                .Where(e => query.IdentityProvider is null || e.IdentityProvider == query.IdentityProvider)
                .Take(query.Count)
                .ToList();
            return Task.FromResult(page);
        }
    }

    public Task TrimAsync(string tenant, DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        if (logs.TryGetValue(tenant, out var log))
        {
            lock (log) log.RemoveAll(e => e.Time < cutoff);
        }
        return Task.CompletedTask;
    }
}
