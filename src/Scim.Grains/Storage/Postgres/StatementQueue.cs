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
internal abstract class StatementQueue<TRequest, TResult>
{
    /// <summary>Requests per batch at most: a burst larger than this is sent in several, one after another.</summary>
    private const int MaxEntries = 100;

    private readonly Lock gate = new();
    private List<Queued> queued = [];
    private bool sending;

    /// <summary>Sends the requests as one batch and completes each; throws when the batch failed as a whole.</summary>
    protected abstract Task SendTogetherAsync(List<Queued> batch);

    /// <summary>Queues a request, sending at once when no batch is running; completes with the request's own outcome.</summary>
    protected Task<TResult> Enqueue(TRequest request)
    {
        var entry = new Queued(request);
        lock (gate)
        {
            queued.Add(entry);
            if (sending) return entry.Done.Task;
            sending = true;
        }
        // On the thread pool: called from a grain, the loop would otherwise run every batch, other grains' too, on that
        // grain's scheduler, and go on there after the grain is deactivated.
        _ = Task.Run(SendQueuedAsync);
        return entry.Done.Task;
    }

    /// <summary>Sends one caller's requests as one batch of their own at once, without queueing; their outcomes in order.</summary>
    protected async Task<TResult[]> SendNowAsync(IEnumerable<TRequest> requests)
    {
        var batch = requests.Select(request => new Queued(request)).ToList();
        if (batch.Count > 0) await SendAsync(batch);
        return await Task.WhenAll(batch.Select(entry => entry.Done.Task));
    }

    /// <summary>Sends requests in a batch; each is completed, with its result or its failure.</summary>
    protected async Task SendAsync(List<Queued> batch)
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
            foreach (var entry in batch) entry.Done.TrySetException(failure);
        }
    }

    /// <summary>Sends what has queued until nothing has; each batch takes what queued while the one before ran.</summary>
    private async Task SendQueuedAsync()
    {
        while (true)
        {
            List<Queued> batch;
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

    /// <summary>A request and the outcome its caller awaits.</summary>
    protected sealed class Queued(TRequest request)
    {
        public TRequest Request { get; } = request;
        public TaskCompletionSource<TResult> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
