using Npgsql;
using Scim.Grains.Documents;
using Scim.Grains.Interfaces.Groups;
using Scim.Grains.Schemas;
using Scim.Grains.Storage;
using Scim.Grains.Storage.Postgres;

namespace Scim.Grains.Tests.Storage;

/// <summary>
/// The store sends its statements that take arrays of ids (the reads of activating users, users' updates, a group's
/// member check) through the pool whose connections always run the generic plan (PostgresLookupPlanTests shows why
/// and what that pool does).
/// </summary>
public sealed class GenericPlanPoolTests : IAsyncLifetime
{
    private const string Tenant = "pools";

    private MigratedDatabase database = null!;

    public async Task InitializeAsync() => database = await MigratedDatabase.CreateAsync();

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task ReadsUpdatesAndMemberChecks_GoThroughTheGenericPlanPool()
    {
        await using var genericPlans = OneConnectionPreparingAtFirstRun();
        var store = new PostgresResourceStore(database.DataSource, genericPlans);
        await store.InsertAsync(Row(ResourceSchema.User, "u1", """{"userName":"one"}"""), MembershipChange.None, null, CancellationToken.None);

        await store.GetUserWithGroupsAsync(Tenant, "u1", CancellationToken.None);
        await store.UpdateAsync(Row(ResourceSchema.User, "u1", """{"userName":"uno"}""", version: 2), 1, MembershipChange.None, CancellationToken.None);
        await store.InsertAsync(Row(ResourceSchema.Group, "g", """{"displayName":"Team"}"""),
            new MembershipChange(false, [new GroupMember("u1", null)], []), null, CancellationToken.None);

        var prepared = await PreparedStatementsAsync(genericPlans);
        Assert.Contains(UserLoadQueue.SelectUsersSql, prepared);
        Assert.Contains(PostgresResourceStore.UpdateRowSql, prepared);
        Assert.Contains(PostgresResourceStore.LockMembersSql, prepared);
    }

    [Fact]
    public async Task AGroupsUpdates_RunTheStatementAUsersUpdatePrepared()
    {
        // A user's lone update with its groups and a group's update with its members send the same statement; a group
        // has no userName and no active, and a null sent without a type does not match the types the statement was
        // prepared with, so Npgsql sent the group's unprepared and PostgreSQL planned it at each of a busy group's commits.
        await using var genericPlans = OneConnectionPreparingAtFirstRun();
        var store = new PostgresResourceStore(database.DataSource, genericPlans);
        await store.InsertAsync(Row(ResourceSchema.User, "u1", """{"userName":"one","active":true}"""), MembershipChange.None, null, CancellationToken.None);
        await store.InsertAsync(Row(ResourceSchema.Group, "g", """{"displayName":"Team"}"""), MembershipChange.None, null, CancellationToken.None);
        await store.UpdateUserWithGroupsAsync(Row(ResourceSchema.User, "u1", """{"userName":"uno","active":true}""", version: 2), 1, CancellationToken.None);

        for (var version = 2; version < 8; version++)
            await store.UpdateAsync(Row(ResourceSchema.Group, "g", """{"displayName":"Team"}""", version: version), version - 1,
                new MembershipChange(false, version % 2 == 0 ? [new GroupMember("u1", null)] : [], version % 2 == 0 ? [] : ["u1"]), CancellationToken.None);

        await using var connection = await genericPlans.OpenConnectionAsync();
        await using var command = new NpgsqlCommand("""
            SELECT generic_plans + custom_plans FROM pg_prepared_statements WHERE NOT from_sql AND statement LIKE 'WITH written AS (UPDATE scim_resources %'
            """, connection);
        // The user's run and the group's six.
        Assert.Equal(7L, (long)(await command.ExecuteScalarAsync())!);
    }

    /// <summary>
    /// A generic-plan pool of one connection that prepares each statement at its first run: the session's prepared
    /// statements are what the store sent through it.
    /// </summary>
    private NpgsqlDataSource OneConnectionPreparingAtFirstRun() => PostgresDataSources.CreateGenericPlans(
        database.ConnectionString + ";Maximum Pool Size=1;Max Auto Prepare=32;Auto Prepare Min Usages=1");

    private static StoredResource Row(ResourceSchema schema, string id, string json, long version = 1) =>
        StoredRows.Of(schema, Tenant, id, json, version);

    private static async Task<List<string>> PreparedStatementsAsync(NpgsqlDataSource dataSource)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var command = new NpgsqlCommand("SELECT statement FROM pg_prepared_statements WHERE NOT from_sql", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var statements = new List<string>();
        while (await reader.ReadAsync()) statements.Add(reader.GetString(0));
        return statements;
    }
}
