using Npgsql;
using NpgsqlTypes;
using Scim.Grains.Interfaces.Platform;

namespace Scim.Grains.Storage.Postgres;

/// <summary>
/// The provisioning log in <c>scim_provisioning_log</c>: a batch is one binary <c>COPY</c>, committed without waiting for
/// the disk (synchronous_commit off): a crash of the database may lose the last moments of the log, never directory
/// data, and provisioning writes do not queue behind the log's flushes. Every SCIM request writes a row, so the row's
/// cost counts: COPY takes the rows as they are (no JSON to encode here and decode there, no statement to plan and run).
/// </summary>
public sealed class PostgresProvisioningLogStore(NpgsqlDataSource dataSource) : IProvisioningLogStore
{
    public Task AppendAsync(string tenant, IReadOnlyList<ProvisioningLogEntry> entries, CancellationToken cancellationToken) =>
        PostgresErrors.Translate(async () =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await using (var relaxed = new NpgsqlCommand("SET LOCAL synchronous_commit TO OFF", connection, transaction))
                await relaxed.ExecuteNonQueryAsync(cancellationToken);
            // Rows are copied in the batch's order, so the identity column orders them as they were answered.
            await using (var copy = await connection.BeginBinaryImportAsync("""
                COPY scim_provisioning_log (tenant, time, token_id, identity_provider, method, path, status, resource_type, resource_id, attributes, note)
                FROM STDIN (FORMAT BINARY)
                """, cancellationToken))
            {
                foreach (var entry in entries)
                {
                    await copy.StartRowAsync(cancellationToken);
                    await copy.WriteAsync(tenant, NpgsqlDbType.Text, cancellationToken);
                    await copy.WriteAsync(entry.Time.ToUniversalTime(), NpgsqlDbType.TimestampTz, cancellationToken);
                    await copy.WriteAsync(entry.TokenId, NpgsqlDbType.Text, cancellationToken);
                    await copy.WriteAsync(entry.IdentityProvider, NpgsqlDbType.Text, cancellationToken);
                    await copy.WriteAsync(entry.Method, NpgsqlDbType.Text, cancellationToken);
                    await copy.WriteAsync(entry.Path, NpgsqlDbType.Text, cancellationToken);
                    await copy.WriteAsync(entry.Status, NpgsqlDbType.Integer, cancellationToken);
                    await copy.WriteAsync(entry.ResourceType, NpgsqlDbType.Text, cancellationToken);
                    await copy.WriteAsync(entry.ResourceId, NpgsqlDbType.Text, cancellationToken);
                    await copy.WriteAsync(entry.Attributes.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text, cancellationToken);
                    await copy.WriteAsync(entry.Note, NpgsqlDbType.Text, cancellationToken);
                }
                await copy.CompleteAsync(cancellationToken);
            }
            await transaction.CommitAsync(cancellationToken);
            return true;
        });

    public Task<IReadOnlyList<ProvisioningLogEntry>> ReadAsync(string tenant, LogQuery query, CancellationToken cancellationToken) =>
        PostgresErrors.Translate<IReadOnlyList<ProvisioningLogEntry>>(async () =>
        {
            // Every condition is present with its parameter, null meaning "any", so the statement text never varies.
            await using var command = dataSource.CreateCommand("""
                SELECT seq, time, token_id, identity_provider, method, path, status, resource_type, resource_id, attributes, note
                FROM scim_provisioning_log
                WHERE tenant = $1 AND ($2::bigint IS NULL OR seq < $2) AND ($3::timestamptz IS NULL OR time >= $3)
                  AND ($4::timestamptz IS NULL OR time < $4) AND ($5::int IS NULL OR status >= $5) AND ($6::int IS NULL OR status <= $6)
                  AND ($7::text IS NULL OR resource_id = $7) AND ($8::text IS NULL OR resource_type = $8)
                  AND ($9::text IS NULL OR identity_provider = $9)
                ORDER BY seq DESC LIMIT $10
                """);
            Add(command, tenant);
            Add(command, query.Before);
            Add(command, query.From?.ToUniversalTime());
            Add(command, query.To?.ToUniversalTime());
            Add(command, query.StatusFrom);
            Add(command, query.StatusTo);
            Add(command, query.ResourceId);
            Add(command, query.ResourceType);
            Add(command, query.IdentityProvider);
            Add(command, query.Count);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var entries = new List<ProvisioningLogEntry>();
            while (await reader.ReadAsync(cancellationToken))
            {
                entries.Add(new ProvisioningLogEntry(reader.GetInt64(0), reader.GetFieldValue<DateTimeOffset>(1), Text(reader, 2), Text(reader, 3),
                    reader.GetString(4), reader.GetString(5), reader.GetInt32(6), Text(reader, 7), Text(reader, 8), reader.GetFieldValue<string[]>(9), Text(reader, 10)));
            }
            return entries;
        });

    public Task TrimAsync(string tenant, DateTimeOffset cutoff, CancellationToken cancellationToken) =>
        PostgresErrors.Translate(async () =>
        {
            await using var command = dataSource.CreateCommand("DELETE FROM scim_provisioning_log WHERE tenant = $1 AND time < $2");
            Add(command, tenant);
            Add(command, cutoff.ToUniversalTime());
            await command.ExecuteNonQueryAsync(cancellationToken);
            return true;
        });

    private static void Add(NpgsqlCommand command, object? value) => command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });

    private static string? Text(NpgsqlDataReader reader, int column) => reader.IsDBNull(column) ? null : reader.GetString(column);
}
