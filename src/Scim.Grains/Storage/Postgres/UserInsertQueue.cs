using Npgsql;
using NpgsqlTypes;
using Scim.Grains.Documents;

namespace Scim.Grains.Storage.Postgres;

/// <summary>
/// Group commit of new users: while one insert is committing, the users created meanwhile queue, and the next commit
/// writes all of them in one statement. An IdP's first sync creates users from many connections at once, and each
/// commit costs the database a WAL flush and the service a round trip; a lone create still goes out at once.
/// Each user keeps its own outcome: a row the statement skipped (a name or id taken, possibly by another user of the
/// same batch) and every row of a statement the database refused are inserted again on their own, which gives each
/// its own answer, as if it had come alone.
/// </summary>
internal sealed class UserInsertQueue(NpgsqlDataSource dataSource)
{
    /// <summary>Rows per statement at most: a burst larger than this is written in several, one after another.</summary>
    private const int MaxRows = 100;

    // ON CONFLICT DO NOTHING without a target skips a row that any unique index refuses: the id, or the userName.
    private const string InsertSql = $"""
        WITH added AS (
            INSERT INTO scim_resources ({PostgresResourceStore.InsertedColumns})
            SELECT * FROM unnest($1::text[], $2::smallint[], $3::text[], $4::bigint[], $5::text[], $6::text[], $7::text[], $8::boolean[],
                $9::timestamptz[], $10::timestamptz[], $11::jsonb[], $12::smallint[], $13::boolean[])
            ON CONFLICT DO NOTHING
            RETURNING tenant, id
        ), mailed AS (
            INSERT INTO scim_outbox (tenant, id, user_id, kind, created, due)
            SELECT o.tenant, o.id, o.user_id, o.kind, o.created, o.created
            FROM unnest($14::text[], $15::text[], $16::text[], $17::smallint[], $18::timestamptz[]) AS o(tenant, id, user_id, kind, created)
            WHERE EXISTS (SELECT FROM added a WHERE a.tenant = o.tenant AND a.id = o.user_id)
        )
        SELECT tenant, id FROM added
        """;

    private readonly Lock gate = new();
    private List<QueuedUser> queued = [];
    private bool committing;

    /// <summary>Inserts a new user with the e-mail it owes, if any, as <see cref="IResourceStore.InsertAsync"/> does.</summary>
    public Task InsertAsync(StoredResource user, OutboxMessage? mail)
    {
        var entry = new QueuedUser(user, mail, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        lock (gate)
        {
            queued.Add(entry);
            if (committing) return entry.Done.Task;
            committing = true;
        }
        _ = CommitQueuedAsync();
        return entry.Done.Task;
    }

    /// <summary>Commits what has queued until nothing has; each commit takes what queued while the one before ran.</summary>
    private async Task CommitQueuedAsync()
    {
        while (true)
        {
            List<QueuedUser> batch;
            lock (gate)
            {
                if (queued.Count == 0)
                {
                    committing = false;
                    return;
                }
                (batch, queued) = (queued, []);
                if (batch.Count > MaxRows) (batch, queued) = (batch[..MaxRows], batch[MaxRows..]);
            }
            await CommitAsync(batch);
        }
    }

    private async Task CommitAsync(List<QueuedUser> batch)
    {
        if (batch.Count == 1)
        {
            await InsertAloneAsync(batch[0]);
            return;
        }
        // A row's key tells which rows were inserted, so an id twice in one statement would answer both: the later one
        // goes on its own, after it.
        var keys = new HashSet<(string, string)>();
        var together = new List<QueuedUser>();
        var skipped = new List<QueuedUser>();
        foreach (var entry in batch) (keys.Add((entry.User.Tenant, entry.User.Id)) ? together : skipped).Add(entry);
        HashSet<(string Tenant, string Id)> added;
        try
        {
            added = await InsertTogetherAsync(together);
        }
        catch (PostgresException e) when (!e.IsTransient)
        {
            // The statement was refused as a whole and rolled back: each row on its own finds out whether it is at fault.
            await Task.WhenAll(batch.Select(InsertAloneAsync));
            return;
        }
        catch (Exception e)
        {
            // The connection failed, or the database is overloaded: as for a lone insert, each is answered with the failure.
            var failure = PostgresErrors.Translated(e) ?? e;
            foreach (var entry in batch) entry.Done.TrySetException(failure);
            return;
        }
        foreach (var entry in together)
        {
            if (added.Contains((entry.User.Tenant, entry.User.Id))) entry.Done.TrySetResult();
            else skipped.Add(entry);
        }
        await Task.WhenAll(skipped.Select(InsertAloneAsync));
    }

    private async Task InsertAloneAsync(QueuedUser entry)
    {
        try
        {
            await PostgresResourceStore.InsertAloneAsync(dataSource, entry.User, MembershipChange.None, entry.Mail, CancellationToken.None);
            entry.Done.TrySetResult();
        }
        catch (Exception e)
        {
            entry.Done.TrySetException(e);
        }
    }

    /// <summary>Inserts the rows that no unique index refuses, with their e-mails, in one statement; the keys of those it inserted.</summary>
    private async Task<HashSet<(string Tenant, string Id)>> InsertTogetherAsync(List<QueuedUser> batch)
    {
        var columns = batch.Select(e => IndexedColumns.Of(e.User)).ToList();
        var mails = batch.Where(e => e.Mail is not null).Select(e => e.Mail!).ToList();
        await using var statement = dataSource.CreateBatch();
        statement.BatchCommands.Add(PostgresResourceStore.Command(InsertSql,
            batch.Select(e => e.User.Tenant).ToArray(), batch.Select(e => (short)e.User.Kind).ToArray(), batch.Select(e => e.User.Id).ToArray(),
            batch.Select(e => e.User.Version).ToArray(), columns.Select(c => c.UserName).ToArray(), columns.Select(c => c.ExternalId).ToArray(),
            columns.Select(c => c.DisplayName).ToArray(), columns.Select(c => c.Active).ToArray(), columns.Select(c => c.Created).ToArray(),
            columns.Select(c => c.LastModified).ToArray(),
            new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Jsonb, Value = batch.Select(e => e.User.Document.ToJsonString()).ToArray() },
            batch.Select(e => (short)e.User.Role).ToArray(), batch.Select(e => e.User.CreatedByPlatform).ToArray(),
            mails.Select(m => m.Tenant).ToArray(), mails.Select(m => m.Id).ToArray(), mails.Select(m => m.UserId).ToArray(),
            mails.Select(m => (short)m.Kind).ToArray(), mails.Select(m => m.Created).ToArray()));
        var added = new HashSet<(string, string)>();
        await using var reader = await statement.ExecuteReaderAsync(CancellationToken.None);
        while (await reader.ReadAsync(CancellationToken.None)) added.Add((reader.GetString(0), reader.GetString(1)));
        return added;
    }

    private sealed record QueuedUser(StoredResource User, OutboxMessage? Mail, TaskCompletionSource Done);
}
