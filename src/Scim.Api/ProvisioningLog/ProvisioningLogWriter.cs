using Scim.Grains.Interfaces.Errors;
using Scim.Grains.Interfaces.Platform;
using Scim.Grains.Interfaces.References;

namespace Scim.Api.ProvisioningLog;

/// <summary>
/// Stores queued log entries in batches, per tenant, through the tenant's log grain: it reads the attribute names from
/// the bodies here, off the requests' path. It never stops before the host does, whatever an entry holds: a body whose
/// names cannot be read is logged without them (and counted), a batch refused for any other reason than an outage is
/// retried a few times and then dropped with a warning. While the log's storage is unavailable it keeps its batch and
/// retries with growing pauses, so an outage costs entries only once the bounded queue is full. On a clean shutdown it
/// stops taking entries and flushes what is queued before the cluster connection closes (it is registered after it,
/// so it stops first).
/// </summary>
public sealed partial class ProvisioningLogWriter(ProvisioningLogQueue queue, IGrainFactory grains, ILogger<ProvisioningLogWriter> logger)
    : BackgroundService
{
    private const int BatchSize = 500;
    private const int Attempts = 3;
    private static readonly TimeSpan ShutdownFlush = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Gather = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan LongestPause = TimeSpan.FromSeconds(5);
    private long droppedReported;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await queue.Reader.WaitToReadAsync(stoppingToken))
            {
                // Under load, a moment's wait fills batches: fewer, larger writes to the log.
                if (queue.Reader.Count < BatchSize) await Task.Delay(Gather, stoppingToken);
                await WriteBatchGuardedAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        queue.Complete();
        using var flush = new CancellationTokenSource(ShutdownFlush);
        try
        {
            while (queue.Reader.TryPeek(out _) && !flush.IsCancellationRequested) await WriteBatchGuardedAsync(flush.Token);
        }
        catch (OperationCanceledException) when (flush.IsCancellationRequested)
        {
        }
    }

    /// <summary>One batch; a defect in it costs that batch, never the writer (a faulted BackgroundService stops the host).</summary>
    private async Task WriteBatchGuardedAsync(CancellationToken cancellationToken)
    {
        try
        {
            await WriteBatchAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogBatchFailed(logger, e);
        }
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
            var entries = tenant.Select(p => p.Entry with { Attributes = AttributesOf(p) }).ToList();
            foreach (var pending in tenant) queue.Release(pending);
            await AppendAsync(tenant.Key, entries, cancellationToken);
        }
    }

    private IReadOnlyList<string> AttributesOf(PendingLogEntry pending)
    {
        try
        {
            return ChangedAttributes.Of(pending.Entry.Method, pending.Body);
        }
        catch (Exception e)
        {
            queue.CountUnreadable();
            LogUnreadable(logger, pending.Entry.Method, pending.Entry.Path, e);
            return [];
        }
    }

    private async Task AppendAsync(string tenant, List<ProvisioningLogEntry> entries, CancellationToken cancellationToken)
    {
        var pause = TimeSpan.FromSeconds(1);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await grains.Grain<IProvisioningLogGrain>(tenant).AppendAsync(entries);
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException && (TransientFailures.IsTransient(e) || attempt < Attempts))
            {
                if (attempt == Attempts) LogRetrying(logger, entries.Count, tenant, e.Message);
                await Task.Delay(pause, cancellationToken);
                pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, LongestPause.Ticks));
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Keeping {Count} provisioning log entries of tenant {Tenant} until the log can be written: {Reason}")]
    private static partial void LogRetrying(ILogger logger, int count, string tenant, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dropped {Count} provisioning log entries of tenant {Tenant}: the log refused them.")]
    private static partial void LogDropped(ILogger logger, int count, string tenant, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Logged {Method} {Path} without attribute names: its body could not be read.")]
    private static partial void LogUnreadable(ILogger logger, string method, string path, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "A batch of provisioning log entries failed; the writer goes on with the next.")]
    private static partial void LogBatchFailed(ILogger logger, Exception exception);
}
