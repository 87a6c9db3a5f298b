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
        // One connection, each statement prepared at its first run: the session's prepared statements are what the
        // store sent through this pool.
        await using var genericPlans = PostgresDataSources.CreateGenericPlans(
            database.ConnectionString + ";Maximum Pool Size=1;Max Auto Prepare=32;Auto Prepare Min Usages=1");
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
