using Npgsql;
using Scim.Grains.Documents;
using Scim.Grains.Interfaces.Groups;
using Scim.Grains.Interfaces.Platform;
using Scim.Grains.Interfaces.Resources;

namespace Scim.Grains.Storage.Postgres;

/// <summary>
/// The reads of user grains that activate (<see cref="StatementQueue{TRequest, TResult}"/>): an IdP's cycle reads or PATCHes user
/// after user from many connections, and most of those users' grains activate and read their row and groups first. The
/// rows read while one statement runs are read next together, each tenant's by one statement on the id's index and one
/// walk of their groups.
/// </summary>
internal sealed class UserLoadQueue(NpgsqlDataSource dataSource)
    : StatementQueue<UserLoadQueue.Load, (StoredResource? User, IReadOnlyList<UserGroup> Groups)>
{
    // The tenant and the kind are named in expressions no index serves, so that only the primary key, led by the id, fits
    // (PostgresResourceStore.SelectRowSql).
    internal const string SelectUsersSql = """
        SELECT id, version, document, platform_role, created_by_platform FROM scim_resources
        WHERE (tenant || '') = $1 AND kind + 0 = 0 AND id = ANY($2)
        """;

    /// <summary>The user's row (null when there is none) and its groups, as <see cref="IResourceStore.GetUserWithGroupsAsync"/> reads them.</summary>
    public Task<(StoredResource? User, IReadOnlyList<UserGroup> Groups)> GetAsync(string tenant, string id) => Enqueue(new Load(tenant, id));

    protected override async Task SendTogetherAsync(List<Queued> batch)
    {
        var tenants = batch.GroupBy(e => e.Request.Tenant, StringComparer.Ordinal).ToList();
        await using var statement = dataSource.CreateBatch();
        foreach (var tenant in tenants)
        {
            var ids = tenant.Select(e => e.Request.Id).Distinct(StringComparer.Ordinal).ToArray();
            statement.BatchCommands.Add(PostgresResourceStore.Command(SelectUsersSql, tenant.Key, ids));
            statement.BatchCommands.Add(PostgresResourceStore.GroupsOfUsers(tenant.Key, ids));
        }
        await using var reader = await statement.ExecuteReaderAsync(CancellationToken.None);
        foreach (var (tenant, i) in tenants.Select((t, i) => (t, i)))
        {
            if (i > 0) await reader.NextResultAsync(CancellationToken.None);
            var rows = new Dictionary<string, (long Version, byte[] Document, PlatformRole Role, bool CreatedByPlatform)>(StringComparer.Ordinal);
            while (await reader.ReadAsync(CancellationToken.None))
                rows[reader.GetString(0)] = (reader.GetInt64(1), reader.GetFieldValue<byte[]>(2), (PlatformRole)reader.GetInt16(3), reader.GetBoolean(4));
            await reader.NextResultAsync(CancellationToken.None);
            var groups = await PostgresResourceStore.ReadGroupsOfUsersAsync(reader);
            // Each load gets a row of its own: a grain changes the document it holds.
            foreach (var entry in tenant)
            {
                var id = entry.Request.Id;
                var row = rows.TryGetValue(id, out var r)
                    ? PostgresResourceStore.Row(tenant.Key, ResourceKind.User, id, r.Version, r.Document, r.Role, r.CreatedByPlatform)
                    : null;
                entry.Done.TrySetResult((row, groups.TryGetValue(id, out var of) ? of : []));
            }
        }
    }

    internal sealed record Load(string Tenant, string Id);
}
