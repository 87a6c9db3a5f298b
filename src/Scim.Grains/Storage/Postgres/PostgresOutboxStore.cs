using Npgsql;
using Scim.Grains.Documents;
using Scim.Grains.Interfaces.Platform;

namespace Scim.Grains.Storage.Postgres;

/// <summary>
/// The outbox on PostgreSQL (<c>scim_outbox</c>, migration 0011). Dispatchers on every silo claim due rows with
/// <c>FOR UPDATE SKIP LOCKED</c>, so each row goes to one of them; the claim is a lease that a dead dispatcher lets run out.
/// </summary>
public sealed class PostgresOutboxStore(NpgsqlDataSource dataSource) : IOutboxStore
{
    /// <summary>The row of a new message, for the batch that creates its user.</summary>
    internal static NpgsqlBatchCommand Insert(OutboxMessage message) => PostgresResourceStore.Command(
        "INSERT INTO scim_outbox (tenant, id, user_id, kind, created, due) VALUES ($1, $2, $3, $4, $5, $5)",
        message.Tenant, message.Id, message.UserId, (short)message.Kind, message.Created);

    public Task EnqueueAsync(OutboxMessage message, CancellationToken cancellationToken) =>
        PostgresErrors.Translate(() => PostgresResourceStore.RunAsync(dataSource, Insert(message), cancellationToken));

    public Task<IReadOnlyDictionary<string, MailState>> LatestAsync(string tenant, IReadOnlyCollection<string> userIds, CancellationToken cancellationToken) =>
        PostgresErrors.Translate(async () =>
        {
            await using var batch = dataSource.CreateBatch();
            batch.BatchCommands.Add(PostgresResourceStore.Command("""
                SELECT DISTINCT ON (user_id) user_id, kind, state, attempts, created, sent_at, failed_at, error FROM scim_outbox
                WHERE tenant = $1 AND user_id = ANY($2) ORDER BY user_id, created DESC
                """, tenant, userIds.ToArray()));
            await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
            var found = new Dictionary<string, MailState>(StringComparer.Ordinal);
            while (await reader.ReadAsync(cancellationToken))
            {
                found[reader.GetString(0)] = new MailState((MailKind)reader.GetInt16(1), (MailStatus)reader.GetInt16(2), reader.GetInt32(3),
                    reader.GetFieldValue<DateTimeOffset>(4), reader.IsDBNull(5) ? null : reader.GetFieldValue<DateTimeOffset>(5),
                    reader.IsDBNull(6) ? null : reader.GetFieldValue<DateTimeOffset>(6), reader.IsDBNull(7) ? null : reader.GetString(7));
            }
            return (IReadOnlyDictionary<string, MailState>)found;
        });

    public Task<IReadOnlyList<OutboxMessage>> ClaimAsync(int max, DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken cancellationToken) =>
        PostgresErrors.Translate(async () =>
        {
            await using var batch = dataSource.CreateBatch();
            batch.BatchCommands.Add(PostgresResourceStore.Command("""
                UPDATE scim_outbox o SET lease_until = $2, attempts = o.attempts + 1
                FROM (SELECT tenant, user_id, id FROM scim_outbox WHERE state = 0 AND due <= $1 AND (lease_until IS NULL OR lease_until <= $1)
                      ORDER BY due LIMIT $3 FOR UPDATE SKIP LOCKED) due
                WHERE o.tenant = due.tenant AND o.user_id = due.user_id AND o.id = due.id
                RETURNING o.tenant, o.id, o.user_id, o.kind, o.created, o.attempts
                """, now, leaseUntil, max));
            await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
            var claimed = new List<OutboxMessage>();
            while (await reader.ReadAsync(cancellationToken))
            {
                claimed.Add(new OutboxMessage(reader.GetString(0), reader.GetString(1), reader.GetString(2), (MailKind)reader.GetInt16(3),
                    reader.GetFieldValue<DateTimeOffset>(4)) { Attempts = reader.GetInt32(5) });
            }
            return (IReadOnlyList<OutboxMessage>)claimed;
        });

    public Task<OutboxBacklog> BacklogAsync(CancellationToken cancellationToken) =>
        PostgresErrors.Translate(async () =>
        {
            await using var batch = dataSource.CreateBatch();
            batch.BatchCommands.Add(PostgresResourceStore.Command("SELECT count(*), min(created) FROM scim_outbox WHERE state = 0"));
            await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            return new OutboxBacklog(reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetFieldValue<DateTimeOffset>(1));
        });

    public Task MarkSentAsync(OutboxMessage message, DateTimeOffset sentAt, CancellationToken cancellationToken) =>
        RunAsync("UPDATE scim_outbox SET state = 1, sent_at = $4, lease_until = NULL, error = NULL WHERE tenant = $1 AND user_id = $2 AND id = $3",
            cancellationToken, message.Tenant, message.UserId, message.Id, sentAt);

    public Task RetryAsync(OutboxMessage message, DateTimeOffset due, string error, CancellationToken cancellationToken) =>
        RunAsync("UPDATE scim_outbox SET due = $4, lease_until = NULL, error = $5 WHERE tenant = $1 AND user_id = $2 AND id = $3",
            cancellationToken, message.Tenant, message.UserId, message.Id, due, error);

    public Task ReleaseAsync(IReadOnlyList<OutboxMessage> messages, DateTimeOffset leaseUntil, CancellationToken cancellationToken) =>
        RunAsync("""
            UPDATE scim_outbox o SET lease_until = NULL, attempts = o.attempts - 1
            FROM unnest($1::text[], $2::text[], $3::text[]) AS m(tenant, user_id, id)
            WHERE o.tenant = m.tenant AND o.user_id = m.user_id AND o.id = m.id AND o.state = 0 AND o.lease_until = $4
            """, cancellationToken, messages.Select(m => m.Tenant).ToArray(), messages.Select(m => m.UserId).ToArray(),
            messages.Select(m => m.Id).ToArray(), leaseUntil);

    public Task MarkFailedAsync(OutboxMessage message, DateTimeOffset failedAt, string error, CancellationToken cancellationToken) =>
        RunAsync("UPDATE scim_outbox SET state = 2, failed_at = $4, lease_until = NULL, error = $5 WHERE tenant = $1 AND user_id = $2 AND id = $3",
            cancellationToken, message.Tenant, message.UserId, message.Id, failedAt, error);

    private Task RunAsync(string sql, CancellationToken cancellationToken, params object[] values) =>
        PostgresErrors.Translate(() => PostgresResourceStore.RunAsync(dataSource, PostgresResourceStore.Command(sql, values), cancellationToken));
}
