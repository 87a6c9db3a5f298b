using Microsoft.Extensions.Options;
using Orleans.Concurrency;
using Scim.Grains.Documents;
using Scim.Grains.Interfaces.Platform;
using Scim.Grains.Storage;

namespace Scim.Grains.Platform;

/// <summary>
/// A tenant's provisioning log: batches from the API processes are stored as they come, and once an hour per
/// activation the tenant's entries older than the retention are dropped. Stateless and reentrant: any silo serves it.
/// </summary>
[StatelessWorker, Reentrant]
internal sealed class ProvisioningLogGrain(IProvisioningLogStore store, IOutboxStore outbox, IOptions<ProvisioningLogOptions> options, TimeProvider clock)
    : Grain, IProvisioningLogGrain
{
    private static readonly TimeSpan TrimEvery = TimeSpan.FromHours(1);
    private DateTimeOffset lastTrim = DateTimeOffset.MinValue;

    private string Tenant => this.GetPrimaryKeyString();

    public async Task AppendAsync(IReadOnlyList<ProvisioningLogEntry> entries)
    {
        await store.AppendAsync(Tenant, entries, CancellationToken.None);
        var now = clock.GetUtcNow();
        if (now - lastTrim < TrimEvery) return;
        lastTrim = now;
        await store.TrimAsync(Tenant, now.AddDays(-options.Value.RetentionDays), CancellationToken.None);
    }

    public async Task<LogPage> ReadAsync(LogQuery query)
    {
        var (entries, last) = KeysetPages.Cut(await store.ReadAsync(Tenant, query with { Count = KeysetPages.Fetch(query.Count) }, CancellationToken.None),
            query.Count);
        return new LogPage(await WithMailStateAsync(entries), last?.Sequence);
    }

    /// <summary>Entries whose create queued a mail, with where that user's newest mail stands now (sent, failed and why).</summary>
    private async Task<IReadOnlyList<ProvisioningLogEntry>> WithMailStateAsync(IReadOnlyList<ProvisioningLogEntry> entries)
    {
        var queued = entries.Where(e => e.Note == MailNotes.Queued && e.ResourceId is not null).Select(e => e.ResourceId!).Distinct().ToList();
        if (queued.Count == 0) return entries;
        var mail = await outbox.LatestAsync(Tenant, queued, CancellationToken.None);
        return entries.Select(e => e.Note == MailNotes.Queued && mail.TryGetValue(e.ResourceId!, out var state) ? e with { Note = MailNotes.Of(state) } : e).ToList();
    }
}
