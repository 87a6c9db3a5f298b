using Npgsql;
using Scim.Grains.Documents;

namespace Scim.Grains.Storage.Postgres;

/// <summary>
/// The lookups by an indexed equality that IdPs send before every write (<see cref="StatementQueue{TRequest, TResult}"/>): the
/// lookups that come while one batch runs go next in one batch, each its own statement with its own plan, so that a
/// busy tenant's lookups share round trips.
/// </summary>
internal sealed class LookupQueue(NpgsqlDataSource dataSource)
    : StatementQueue<LookupQueue.Lookup, (List<StoredResource> Rows, List<string> InGroups)>
{
    /// <summary>The rows of the lookup's page statement, and those of them in a group when the query asks.</summary>
    public Task<(List<StoredResource> Rows, List<string> InGroups)> ReadAsync(string tenant, StoreQuery query) => Enqueue(new Lookup(tenant, query));

    /// <summary>The rows of each of many lookups of one caller, sent as one batch of their own at once (an import's check).</summary>
    public async Task<IReadOnlyList<(List<StoredResource> Rows, List<string> InGroups)>> ReadManyAsync(string tenant, IEnumerable<StoreQuery> queries) =>
        await SendNowAsync(queries.Select(query => new Lookup(tenant, query)));

    protected override async Task SendTogetherAsync(List<Queued> batch)
    {
        await using var statement = dataSource.CreateBatch();
        foreach (var (tenant, query) in batch.Select(e => e.Request)) statement.BatchCommands.Add(PostgresResourceStore.QueryCommands(tenant, query).Page!);
        await using var reader = await statement.ExecuteReaderAsync(CancellationToken.None);
        foreach (var (entry, i) in batch.Select((e, i) => (e, i)))
        {
            if (i > 0) await reader.NextResultAsync(CancellationToken.None);
            entry.Done.TrySetResult(await PostgresResourceStore.ReadRowsAsync(entry.Request.Tenant, entry.Request.Query, reader, CancellationToken.None));
        }
    }

    internal sealed record Lookup(string Tenant, StoreQuery Query);
}
