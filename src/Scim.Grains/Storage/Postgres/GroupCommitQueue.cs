namespace Scim.Grains.Storage.Postgres;

/// <summary>
/// Group commit (<see cref="StatementQueue{TRequest, TResult}"/>) of rows written by many grains at once: the writes that queued
/// while one commit ran are committed next as one statement. Each write keeps its own outcome: one the statement left
/// out is sent again on its own, which gives it the answer it would have had alone. A write either fails or is
/// written, with what its statement read back for it.
/// </summary>
internal abstract class GroupCommitQueue<TWrite, TResult> : StatementQueue<TWrite, TResult>
{
    /// <summary>The key of the row a write touches; a key twice in one statement could not tell which of the two was written.</summary>
    protected abstract (string Tenant, string Id) KeyOf(TWrite write);

    /// <summary>Sends one write in a statement of its own; it throws the write's own error.</summary>
    protected abstract Task<TResult> WriteAloneAsync(TWrite write);

    /// <summary>Sends the writes (keys all distinct) as one statement; the result of each it wrote, by key.</summary>
    protected abstract Task<Dictionary<(string Tenant, string Id), TResult>> WriteTogetherAsync(IReadOnlyList<TWrite> writes);

    /// <summary>Queues a write; completes with the write's own outcome.</summary>
    protected Task<TResult> WriteAsync(TWrite write) => Enqueue(write);

    protected override async Task SendTogetherAsync(List<Queued> batch)
    {
        if (batch.Count == 1)
        {
            batch[0].Done.TrySetResult(await WriteAloneAsync(batch[0].Request));
            return;
        }
        // A later write of a key already in the statement goes on its own, after it.
        var keys = new HashSet<(string, string)>();
        var together = new List<Queued>();
        var later = new List<Queued>();
        foreach (var entry in batch) (keys.Add(KeyOf(entry.Request)) ? together : later).Add(entry);
        var written = await WriteTogetherAsync(together.Select(e => e.Request).ToList());
        foreach (var entry in together)
        {
            if (written.TryGetValue(KeyOf(entry.Request), out var result)) entry.Done.TrySetResult(result);
            else later.Add(entry);
        }
        await Task.WhenAll(later.Select(entry => SendAsync([entry])));
    }
}
