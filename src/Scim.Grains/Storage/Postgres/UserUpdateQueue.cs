using Npgsql;
using Scim.Grains.Documents;
using Scim.Grains.Interfaces.Groups;

namespace Scim.Grains.Storage.Postgres;

/// <summary>
/// Group commit of users' updates (<see cref="GroupCommitQueue{TWrite, TResult}"/>): an IdP's cycle PATCHes user after user from
/// many connections, each its own grain, so the updates written while one commits are written next in one statement,
/// each still checked against the version its grain read. A row the statement did not update (another writer or a
/// deletion came first) is updated again on its own for its own 409; a name taken refuses the whole statement, and
/// each then finds out alone whether it is the one at fault. An update that asks for the user's groups (its answer
/// shows them) gets them read after the write, in the same round trip.
/// </summary>
internal sealed class UserUpdateQueue(NpgsqlDataSource dataSource) : GroupCommitQueue<UserUpdateQueue.UserUpdate, IReadOnlyList<UserGroup>?>
{
    // The rows are joined by the primary key, led by the id, as the statement of one row is (PostgresResourceStore.SelectRowSql);
    // the batch is sorted by key so that two statements updating the same rows lock them in one order.
    internal const string UpdateSql = """
        UPDATE scim_resources r SET version = u.version, user_name = u.user_name, external_id = u.external_id,
            display_name = u.display_name, active = u.active, last_modified = u.last_modified, document = u.document
        FROM unnest($1::text[], $2::text[], $3::bigint[], $4::bigint[], $5::text[], $6::text[], $7::text[], $8::boolean[],
            $9::timestamptz[], $10::jsonb[]) AS u(tenant, id, expected, version, user_name, external_id, display_name, active, last_modified, document)
        WHERE (r.tenant || '') = u.tenant AND r.kind + 0 = 0 AND r.id = u.id AND r.version = u.expected
        RETURNING r.tenant, r.id
        """;

    /// <summary>
    /// Writes a user over the row at <paramref name="expectedVersion"/>, as <see cref="IResourceStore.UpdateAsync"/> does; with
    /// <paramref name="withGroups"/>, its groups as they are after the write, else null.
    /// </summary>
    public Task<IReadOnlyList<UserGroup>?> UpdateAsync(StoredResource user, long expectedVersion, bool withGroups) =>
        WriteAsync(new UserUpdate(user, expectedVersion, withGroups));

    protected override (string Tenant, string Id) KeyOf(UserUpdate write) => (write.User.Tenant, write.User.Id);

    protected override async Task<IReadOnlyList<UserGroup>?> WriteAloneAsync(UserUpdate write)
    {
        if (write.WithGroups) return await PostgresResourceStore.UpdateUserAloneWithGroupsAsync(dataSource, write.User, write.ExpectedVersion);
        await PostgresResourceStore.UpdateAloneAsync(dataSource, write.User, write.ExpectedVersion, MembershipChange.None, CancellationToken.None);
        return null;
    }

    protected override async Task<Dictionary<(string Tenant, string Id), IReadOnlyList<UserGroup>?>> WriteTogetherAsync(IReadOnlyList<UserUpdate> writes)
    {
        var batch = writes.OrderBy(w => w.User.Tenant, StringComparer.Ordinal).ThenBy(w => w.User.Id, StringComparer.Ordinal).ToList();
        var columns = batch.Select(w => IndexedColumns.Of(w.User)).ToList();
        await using var statement = dataSource.CreateBatch();
        statement.BatchCommands.Add(PostgresResourceStore.Command(UpdateSql,
            batch.Select(w => w.User.Tenant).ToArray(), batch.Select(w => w.User.Id).ToArray(), batch.Select(w => w.ExpectedVersion).ToArray(),
            batch.Select(w => w.User.Version).ToArray(), columns.Select(c => c.UserName).ToArray(), columns.Select(c => c.ExternalId).ToArray(),
            columns.Select(c => c.DisplayName).ToArray(), columns.Select(c => c.Active).ToArray(), columns.Select(c => c.LastModified).ToArray(),
            PostgresResourceStore.JsonbArray(batch.Select(w => w.User))));
        // After the update in the same transaction: the groups of the rows it wrote (a row it did not write goes again alone).
        var askers = batch.Where(w => w.WithGroups).GroupBy(w => w.User.Tenant, StringComparer.Ordinal).ToList();
        foreach (var tenant in askers) statement.BatchCommands.Add(PostgresResourceStore.GroupsOfUsers(tenant.Key, tenant.Select(w => w.User.Id).ToList()));
        await using var reader = await statement.ExecuteReaderAsync(CancellationToken.None);
        var written = (await PostgresResourceStore.ReadKeysAsync(reader)).ToDictionary(key => key, _ => (IReadOnlyList<UserGroup>?)null);
        foreach (var tenant in askers)
        {
            await reader.NextResultAsync(CancellationToken.None);
            var groups = await PostgresResourceStore.ReadGroupsOfUsersAsync(reader);
            foreach (var write in tenant.Where(w => written.ContainsKey(KeyOf(w))))
                written[KeyOf(write)] = groups.GetValueOrDefault(write.User.Id) ?? [];
        }
        return written;
    }

    internal sealed record UserUpdate(StoredResource User, long ExpectedVersion, bool WithGroups);
}
