using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Scim.Grains.Interfaces.Platform;

namespace Scim.Api.ProvisioningLog;

/// <summary>
/// Stores queued log entries in batches, per tenant, through the tenant's log grain: it reads the attribute names from
/// the bodies here, off the requests' path. A batch that cannot be stored is retried a few times, then dropped with a
/// warning (the log must never hold requests back). On a clean shutdown it stops taking entries and flushes what is
/// queued before the cluster connection closes (it is registered after it, so it stops first).
/// </summary>
public sealed partial class ProvisioningLogWriter(ProvisioningLogQueue queue, IGrainFactory grains, ILogger<ProvisioningLogWriter> logger)
    : BackgroundService
{
    private const int BatchSize = 500;
    private const int Attempts = 3;
    private static readonly TimeSpan ShutdownFlush = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Gather = TimeSpan.FromMilliseconds(50);
    private long droppedReported;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await queue.Reader.WaitToReadAsync(stoppingToken))
            {
                // Under load, a moment's wait fills batches: fewer, larger writes to the log.
                if (queue.Reader.Count < BatchSize) await Task.Delay(Gather, stoppingToken);
                await WriteBatchAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        queue.Complete();
        using var flush = new CancellationTokenSource(ShutdownFlush);
        while (queue.Reader.TryPeek(out _) && !flush.IsCancellationRequested) await WriteBatchAsync(flush.Token);
    }

    private async Task WriteBatchAsync(CancellationToken cancellationToken)
    {
        var batch = new List<PendingLogEntry>(BatchSize);
        while (batch.Count < BatchSize && queue.Reader.TryRead(out var pending)) batch.Add(pending);
        if (queue.Dropped is var dropped && dropped > droppedReported)
        {
            LogQueueFull(logger, dropped - droppedReported);
            droppedReported = dropped;
        }
        foreach (var tenant in batch.GroupBy(p => p.Tenant))
        {
            var entries = tenant.Select(p => p.Entry with { Attributes = ChangedAttributes.Of(p.Entry.Method, p.Body) }).ToList();
            foreach (var pending in tenant) queue.Release(pending);
            await AppendAsync(tenant.Key, entries, cancellationToken);
        }
    }

    private async Task AppendAsync(string tenant, List<ProvisioningLogEntry> entries, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await grains.GetGrain<IProvisioningLogGrain>(tenant).AppendAsync(entries);
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException && attempt < Attempts)
            {
                await Task.Delay(TimeSpan.FromSeconds(attempt), cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogDropped(logger, entries.Count, tenant, e);
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dropped {Count} provisioning log entries: the queue was full.")]
    private static partial void LogQueueFull(ILogger logger, long count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dropped {Count} provisioning log entries of tenant {Tenant}: the log could not be written.")]
    private static partial void LogDropped(ILogger logger, int count, string tenant, Exception exception);
}
