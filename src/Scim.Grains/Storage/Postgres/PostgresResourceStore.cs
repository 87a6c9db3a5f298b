using System.Text.Json.Nodes;
using Npgsql;
using NpgsqlTypes;
using Scim.Grains.Interfaces.Resources;
using Scim.Grains.Resources;
using Scim.Grains.Schemas;

namespace Scim.Grains.Storage.Postgres;

/// <summary>
/// The production store (DESIGN §4): a resource is one row of <c>scim_resources</c> (canonical jsonb plus the columns
/// that lookups, order and uniqueness need), a group's members are rows of <c>scim_memberships</c>. Every mutation is
/// one transaction sent as one batch; the row version is checked in the UPDATE/DELETE itself. Database errors leave
/// here as <see cref="Interfaces.Errors.ScimException"/>s (<see cref="PostgresErrors"/>).
/// </summary>
public sealed class PostgresResourceStore(NpgsqlDataSource dataSource) : IResourceStore
{
    private const string ScimSource = "scim";

    public Task<StoredResource?> GetAsync(string tenant, ResourceKind kind, string id, CancellationToken cancellationToken) =>
        PostgresErrors.Translate(async () =>
        {
            await using var command = dataSource.CreateCommand(
                "SELECT version, document FROM scim_resources WHERE tenant = $1 AND kind = $2 AND id = $3");
            command.Parameters.Add(new() { Value = tenant });
            command.Parameters.Add(new() { Value = (short)kind });
            command.Parameters.Add(new() { Value = id });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken)) return null;
            return Row(tenant, kind, id, reader.GetInt64(0), reader.GetString(1));
        });

    public Task InsertAsync(StoredResource resource, MembershipChange members, CancellationToken cancellationToken) =>
        PostgresErrors.Translate(async () =>
        {
            await using var batch = dataSource.CreateBatch();
            foreach (var command in MembershipCommands(resource.Tenant, resource.Id, members).Prepend(Insert(resource)))
                batch.BatchCommands.Add(command);
            await batch.ExecuteNonQueryAsync(cancellationToken);
            return true;
        }, resource);

    public Task UpdateAsync(StoredResource resource, long expectedVersion, MembershipChange members, CancellationToken cancellationToken) =>
        PostgresErrors.Translate(() => WriteVersionedAsync(resource.Kind, resource.Id,
            MembershipCommands(resource.Tenant, resource.Id, members).Prepend(Update(resource, expectedVersion)), cancellationToken), resource);

    public Task DeleteAsync(string tenant, ResourceKind kind, string id, long expectedVersion, CancellationToken cancellationToken) =>
        PostgresErrors.Translate(() => WriteVersionedAsync(kind, id,
        [
            Command("DELETE FROM scim_resources WHERE tenant = $1 AND kind = $2 AND id = $3 AND version = $4", tenant, (short)kind, id, expectedVersion),
            Command("DELETE FROM scim_memberships WHERE tenant = $1 AND group_id = $2", tenant, id),
            Command("DELETE FROM scim_memberships WHERE tenant = $1 AND member_id = $2", tenant, id),
        ], cancellationToken));

    public Task<ResourcePage> QueryAsync(string tenant, StoreQuery query, CancellationToken cancellationToken) =>
        PostgresErrors.Translate(async () =>
        {
            var kind = query.Kind;
            var parameters = new SqlParameters();
            var where = $"r.tenant = {parameters.Add(tenant)} AND r.kind = {(short)kind}";
            if (query.Filter is not null) where += " AND " + new PostgresFilter(query.Schema, parameters).Condition(query.Filter);
            var order = query.Sort is null ? "r.seq" : PostgresSort.OrderBy(query.Sort, kind, parameters);
            await using var batch = dataSource.CreateBatch();
            batch.BatchCommands.Add(WithParameters(new NpgsqlBatchCommand($"SELECT count(*) FROM scim_resources r WHERE {where}"), parameters));
            if (query.Count > 0)
            {
                var page = query.AfterSequence is { } after
                    ? $"AND r.seq > {after} ORDER BY {order} LIMIT {query.Count}"
                    : $"ORDER BY {order} LIMIT {query.Count} OFFSET {query.StartIndex - 1}";
                batch.BatchCommands.Add(WithParameters(new NpgsqlBatchCommand(
                    $"SELECT r.id, r.version, r.document, r.seq FROM scim_resources r WHERE {where} {page}"), parameters));
            }
            await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            var total = reader.GetInt64(0);
            var rows = new List<StoredResource>();
            if (await reader.NextResultAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                    rows.Add(Row(tenant, kind, reader.GetString(0), reader.GetInt64(1), reader.GetString(2)) with { Sequence = reader.GetInt64(3) });
            }
            return new ResourcePage((int)total, rows);
        });

    public Task<IReadOnlyList<GroupMember>> GetMembersAsync(string tenant, string groupId, CancellationToken cancellationToken) =>
        PostgresErrors.Translate<IReadOnlyList<GroupMember>>(async () =>
        {
            await using var command = dataSource.CreateCommand(
                "SELECT member_id, display FROM scim_memberships WHERE tenant = $1 AND group_id = $2 AND source = $3 ORDER BY member_id COLLATE \"C\"");
            command.Parameters.Add(new() { Value = tenant });
            command.Parameters.Add(new() { Value = groupId });
            command.Parameters.Add(new() { Value = ScimSource });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var members = new List<GroupMember>();
            while (await reader.ReadAsync(cancellationToken))
                members.Add(new GroupMember(reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1)));
            return members;
        });

    public Task PingAsync(CancellationToken cancellationToken) =>
        PostgresErrors.Translate(async () =>
        {
            await using var command = dataSource.CreateCommand("SELECT 1");
            await command.ExecuteScalarAsync(cancellationToken);
            return true;
        });

    private static StoredResource Row(string tenant, ResourceKind kind, string id, long version, string json) =>
        new(tenant, kind, id, version, ResourceDocument.InCanonicalOrder(JsonNode.Parse(json)!.AsObject(), ResourceSchema.For(kind)));

    private static NpgsqlBatchCommand Insert(StoredResource resource)
    {
        var columns = IndexedColumns.Of(resource);
        return Command("""
            INSERT INTO scim_resources (tenant, kind, id, version, user_name, external_id, display_name, active, created, last_modified, document)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
            """, resource.Tenant, (short)resource.Kind, resource.Id, resource.Version, columns.UserName, columns.ExternalId,
            columns.DisplayName, columns.Active, columns.Created, columns.LastModified, Jsonb(resource.Document));
    }

    private static NpgsqlBatchCommand Update(StoredResource resource, long expectedVersion)
    {
        var columns = IndexedColumns.Of(resource);
        return Command("""
            UPDATE scim_resources SET version = $4, user_name = $5, external_id = $6, display_name = $7, active = $8,
                last_modified = $9, document = $10
            WHERE tenant = $1 AND kind = $2 AND id = $3 AND version = $11
            """, resource.Tenant, (short)resource.Kind, resource.Id, resource.Version, columns.UserName, columns.ExternalId,
            columns.DisplayName, columns.Active, columns.LastModified, Jsonb(resource.Document), expectedVersion);
    }

    /// <summary>O(k) membership statements: a full replace deletes the group's SCIM rows first.</summary>
    private static IEnumerable<NpgsqlBatchCommand> MembershipCommands(string tenant, string groupId, MembershipChange change)
    {
        if (change.ReplaceAll)
            yield return Command("DELETE FROM scim_memberships WHERE tenant = $1 AND group_id = $2 AND source = $3", tenant, groupId, ScimSource);
        else if (change.Removed.Count > 0)
        {
            yield return Command("DELETE FROM scim_memberships WHERE tenant = $1 AND group_id = $2 AND source = $3 AND member_id = ANY($4)",
                tenant, groupId, ScimSource, change.Removed.ToArray());
        }
        if (change.Added.Count == 0) yield break;
        var added = change.Added.DistinctBy(m => m.MemberId, StringComparer.Ordinal).ToList();
        yield return Command("""
            INSERT INTO scim_memberships (tenant, group_id, member_id, source, display)
            SELECT $1, $2, member_id, $3, display FROM unnest($4::text[], $5::text[]) AS added(member_id, display)
            ON CONFLICT (tenant, group_id, source, member_id) DO UPDATE SET display = excluded.display
            """, tenant, groupId, ScimSource, added.Select(m => m.MemberId).ToArray(), added.Select(m => m.Display).ToArray());
    }

    /// <summary>
    /// Runs statements in one transaction whose first is a version-checked UPDATE or DELETE of the resource row; when it
    /// touched no row (another writer came first), nothing is committed.
    /// </summary>
    private async Task<bool> WriteVersionedAsync(ResourceKind kind, string id, IEnumerable<NpgsqlBatchCommand> commands, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var command in commands) batch.BatchCommands.Add(command);
        await batch.ExecuteNonQueryAsync(cancellationToken);
        if (batch.BatchCommands[0].RecordsAffected != 1) throw StoreErrors.ConcurrentChange(kind, id);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private static NpgsqlParameter Jsonb(JsonObject document) =>
        new() { NpgsqlDbType = NpgsqlDbType.Jsonb, Value = document.ToJsonString() };

    private static NpgsqlBatchCommand Command(string sql, params object?[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in values)
            command.Parameters.Add(value as NpgsqlParameter ?? new NpgsqlParameter { Value = value ?? DBNull.Value });
        return command;
    }

    private static NpgsqlBatchCommand WithParameters(NpgsqlBatchCommand command, SqlParameters parameters)
    {
        command.Parameters.AddRange(parameters.Create().ToArray());
        return command;
    }
}
