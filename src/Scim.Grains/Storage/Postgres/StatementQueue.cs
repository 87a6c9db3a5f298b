using Npgsql;

namespace Scim.Grains.Storage.Postgres;

/// <summary>
/// Requests from many grains sent to the database together: while one batch runs, the requests that come meanwhile
/// queue, and the next batch carries all of them. An IdP reads and writes users from many connections at once, each
/// user its own grain, and each batch costs the service a round trip and the database a transaction (a write, also a
/// WAL flush); a lone request still goes out at once. A batch the database refuses as a whole (a value one request
/// carries that it cannot take) is sent again one request at a time, so that only the one at fault fails; a batch
/// that failed for the connection or the database's load fails each of its requests, as it would have alone.
/// </summary>
internal abstract class StatementQueue<TEntry>
{
    /// <summary>Requests per batch at most: a burst larger than this is sent in several, one after another.</summary>
    private const int MaxEntries = 100;

    private readonly Lock gate = new();
    private List<TEntry> queued = [];
    private bool sending;

    /// <summary>Sends the requests as one batch and completes each; throws when the batch failed as a whole.</summary>
    protected abstract Task SendTogetherAsync(List<TEntry> batch);

    /// <summary>Completes a request with the failure of the batch that carried it.</summary>
    protected abstract void Fail(TEntry entry, Exception failure);

    /// <summary>Queues a request, sending at once when no batch is running.</summary>
    protected void Enqueue(TEntry entry)
    {
        lock (gate)
        {
            queued.Add(entry);
            if (sending) return;
            sending = true;
        }
        // On the thread pool: called from a grain, the loop would otherwise run every batch, other grains' too, on that
        // grain's scheduler, and go on there after the grain is deactivated.
        _ = Task.Run(SendQueuedAsync);
    }

    /// <summary>Sends requests in a batch; each is completed, with its result or its failure.</summary>
    protected async Task SendAsync(List<TEntry> batch)
    {
        try
        {
            await SendTogetherAsync(batch);
        }
        catch (Exception e) when (batch.Count > 1 && e is not NpgsqlException { IsTransient: true } and not TimeoutException)
        {
            await Task.WhenAll(batch.Select(entry => SendAsync([entry])));
        }
        catch (Exception e)
        {
            var failure = PostgresErrors.Translated(e) ?? e;
            foreach (var entry in batch) Fail(entry, failure);
        }
    }

    /// <summary>Sends what has queued until nothing has; each batch takes what queued while the one before ran.</summary>
    private async Task SendQueuedAsync()
    {
        while (true)
        {
            List<TEntry> batch;
            lock (gate)
            {
                if (queued.Count == 0)
                {
                    sending = false;
                    return;
                }
                (batch, queued) = (queued, []);
                if (batch.Count > MaxEntries) (batch, queued) = (batch[..MaxEntries], batch[MaxEntries..]);
            }
            await SendAsync(batch);
        }
    }
}
