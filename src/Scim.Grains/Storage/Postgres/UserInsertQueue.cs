using Npgsql;
using Scim.Grains.Documents;

namespace Scim.Grains.Storage.Postgres;

/// <summary>
/// Group commit of new users (<see cref="GroupCommitQueue{TWrite, TResult}"/>): the users created while one insert commits are
/// inserted next in one statement, with their e-mails. A row the statement skipped (a name or id taken, possibly by
/// another user of the same batch) is inserted again on its own for its own 409.
/// </summary>
internal sealed class UserInsertQueue(NpgsqlDataSource dataSource) : GroupCommitQueue<UserInsertQueue.NewUser, bool>
{
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

    /// <summary>Inserts a new user with the e-mail it owes, if any, as <see cref="IResourceStore.InsertAsync"/> does.</summary>
    public Task InsertAsync(StoredResource user, OutboxMessage? mail) => WriteAsync(new NewUser(user, mail));

    protected override (string Tenant, string Id) KeyOf(NewUser write) => (write.User.Tenant, write.User.Id);

    protected override Task<bool> WriteAloneAsync(NewUser write) =>
        PostgresResourceStore.InsertAloneAsync(dataSource, write.User, MembershipChange.None, write.Mail, CancellationToken.None);

    /// <summary>Inserts the rows that no unique index refuses, with their e-mails, in one statement; the keys of those it inserted.</summary>
    protected override async Task<Dictionary<(string Tenant, string Id), bool>> WriteTogetherAsync(IReadOnlyList<NewUser> batch)
    {
        var columns = batch.Select(e => IndexedColumns.Of(e.User)).ToList();
        var mails = batch.Where(e => e.Mail is not null).Select(e => e.Mail!).ToList();
        await using var statement = dataSource.CreateBatch();
        statement.BatchCommands.Add(PostgresResourceStore.Command(InsertSql,
            batch.Select(e => e.User.Tenant).ToArray(), batch.Select(e => (short)e.User.Kind).ToArray(), batch.Select(e => e.User.Id).ToArray(),
            batch.Select(e => e.User.Version).ToArray(), columns.Select(c => c.UserName).ToArray(), columns.Select(c => c.ExternalId).ToArray(),
            columns.Select(c => c.DisplayName).ToArray(), columns.Select(c => c.Active).ToArray(), columns.Select(c => c.Created).ToArray(),
            columns.Select(c => c.LastModified).ToArray(), PostgresResourceStore.JsonbArray(batch.Select(e => e.User)),
            batch.Select(e => (short)e.User.Role).ToArray(), batch.Select(e => e.User.CreatedByPlatform).ToArray(),
            mails.Select(m => m.Tenant).ToArray(), mails.Select(m => m.Id).ToArray(), mails.Select(m => m.UserId).ToArray(),
            mails.Select(m => (short)m.Kind).ToArray(), mails.Select(m => m.Created).ToArray()));
        await using var reader = await statement.ExecuteReaderAsync(CancellationToken.None);
        return (await PostgresResourceStore.ReadKeysAsync(reader)).ToDictionary(key => key, _ => true);
    }

    internal sealed record NewUser(StoredResource User, OutboxMessage? Mail);
}
