using Npgsql;
using Scim.Grains.Documents;

namespace Scim.Grains.Storage.Postgres;

/// <summary>
/// The lookups by an indexed equality that IdPs send before every write (<see cref="StatementQueue{TEntry}"/>): the
/// lookups that come while one batch runs go next in one batch, each its own statement with its own plan, so that a
/// busy tenant's lookups share round trips.
/// </summary>
internal sealed class LookupQueue(NpgsqlDataSource dataSource) : StatementQueue<LookupQueue.Lookup>
{
    /// <summary>The rows of the lookup's page statement, and those of them in a group when the query asks.</summary>
    public Task<(List<StoredResource> Rows, List<string> InGroups)> ReadAsync(string tenant, StoreQuery query)
    {
        var lookup = new Lookup(tenant, query, new(TaskCreationOptions.RunContinuationsAsynchronously));
        Enqueue(lookup);
        return lookup.Done.Task;
    }

    /// <summary>The rows of each of many lookups of one caller, sent as one batch of their own at once (an import's check).</summary>
    public async Task<IReadOnlyList<(List<StoredResource> Rows, List<string> InGroups)>> ReadManyAsync(string tenant, IEnumerable<StoreQuery> queries)
    {
        var batch = queries.Select(query => new Lookup(tenant, query, new(TaskCreationOptions.RunContinuationsAsynchronously))).ToList();
        if (batch.Count > 0) await SendAsync(batch);
        return await Task.WhenAll(batch.Select(lookup => lookup.Done.Task));
    }

    protected override async Task SendTogetherAsync(List<Lookup> batch)
    {
        await using var statement = dataSource.CreateBatch();
        foreach (var lookup in batch) statement.BatchCommands.Add(PostgresResourceStore.QueryCommands(lookup.Tenant, lookup.Query).Page!);
        await using var reader = await statement.ExecuteReaderAsync(CancellationToken.None);
        foreach (var (lookup, i) in batch.Select((l, i) => (l, i)))
        {
            if (i > 0) await reader.NextResultAsync(CancellationToken.None);
            lookup.Done.TrySetResult(await PostgresResourceStore.ReadRowsAsync(lookup.Tenant, lookup.Query, reader, CancellationToken.None));
        }
    }

    protected override void Fail(Lookup entry, Exception failure) => entry.Done.TrySetException(failure);

    internal sealed record Lookup(string Tenant, StoreQuery Query, TaskCompletionSource<(List<StoredResource> Rows, List<string> InGroups)> Done);
}
