using Npgsql;
using Scim.Grains.Filtering;
using Scim.Grains.Schemas;
using Scim.Grains.Storage;
using Scim.Grains.Storage.Postgres;

namespace Scim.Grains.Tests.Storage;

/// <summary>
/// The plans of the lookups IdPs send before every write and of the statements on rows by their ids, under statistics
/// that lag a tenant's growth (analyzed while the tenant was empty, or never; autovacuum off), planned after the growth
/// or kept from before it: each name finds its rows through its own index, and each statement by id through the primary
/// key, led by the id, never by walking the table or the tenant (what made a userName lookup read 20,000 rows, each GET
/// and PATCH by id 10,000, and a batch of PATCHes at a million users a second).
/// </summary>
public sealed class PostgresLookupPlanTests : IAsyncLifetime
{
    private const string Tenant = "grown";
    private static readonly string[] TenantLedIndexes =
        ["ix_scim_resources_creation", "ix_scim_groups_parent"];

    private MigratedDatabase database = null!;

    public async Task InitializeAsync()
    {
        database = await MigratedDatabase.CreateAsync();
        await ExecuteAsync("ALTER TABLE scim_resources SET (autovacuum_enabled = off)");
        await ExecuteAsync("ALTER TABLE scim_memberships SET (autovacuum_enabled = off)");
        await InsertAsync("small", 0, 1, 50);
        await InsertAsync("small", 1, 1, 50);
        await AddMembersAsync("small");
    }

    /// <summary>Statistics of the tables as they are, small, unless the test grows them after.</summary>
    private Task AnalyzeAsync() => ExecuteAsync("ANALYZE scim_resources, scim_memberships");

    /// <summary>The tenant grows to 20,000 users and 2,000 groups, with no ANALYZE after.</summary>
    private async Task GrowAsync()
    {
        await InsertAsync(Tenant, 0, 1, 20_000);
        await InsertAsync(Tenant, 1, 1, 2_000);
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Theory]
    [InlineData("User", "userName eq \"u19999@grown.example\"", "ux_scim_users_user_name")]
    [InlineData("User", "userName eq \"U19999@GROWN.example\" and not (title pr)", "ux_scim_users_user_name")]
    [InlineData("User", "externalId eq \"e19999\"", "ix_scim_resources_external_id")]
    [InlineData("User", "displayName eq \"User 19999\"", "ix_scim_users_display_name")]
    [InlineData("Group", "displayName eq \"Group 1999\"", "ux_scim_groups_display_name")]
    [InlineData("Group", "externalId eq \"e1999\"", "ix_scim_resources_external_id")]
    public async Task ANameLookup_UsesTheNamesIndex_EvenWhenStatisticsLag(string type, string filter, string index)
    {
        await AnalyzeAsync();
        await GrowAsync();
        var schema = type == "User" ? ResourceSchema.User : ResourceSchema.Group;
        var query = new StoreQuery(schema, FilterParser.Parse(filter), null, 1, 100);

        var (count, page) = PostgresResourceStore.QueryCommands(Tenant, query);

        foreach (var command in new[] { count, page! })
        {
            var plan = await ExplainAsync(command);
            Assert.Contains(index, plan);
            Assert.DoesNotContain(TenantLedIndexes, plan.Contains);
        }
        var found = await database.Store().QueryAsync(Tenant, query, CancellationToken.None);
        Assert.Equal(1, found.TotalResults);
    }

    [Theory]
    [InlineData(nameof(PostgresResourceStore.SelectRowSql))]
    [InlineData(nameof(PostgresResourceStore.UpdateRowSql))]
    [InlineData(nameof(PostgresResourceStore.DeleteRowSql))]
    [InlineData(nameof(PostgresResourceStore.SetRoleSql))]
    [InlineData(nameof(UserUpdateQueue.UpdateSql))]
    [InlineData(nameof(UserLoadQueue.SelectUsersSql))]
    [InlineData(nameof(PostgresResourceStore.LockMembersSql))]
    public async Task AStatementOnRowsById_UsesTheIdsIndex_EvenWhenStatisticsLag(string statement)
    {
        await AnalyzeAsync();
        await GrowAsync();

        var plan = await ExplainAsync(RowsById(statement, "some-id", "other-id"));

        Assert.Contains("scim_resources_pkey", plan);
        Assert.DoesNotContain(TenantLedIndexes, plan.Contains);
    }

    [Theory]
    [InlineData(nameof(UserUpdateQueue.UpdateSql))]
    [InlineData(nameof(UserLoadQueue.SelectUsersSql))]
    [InlineData(nameof(PostgresResourceStore.LockMembersSql))]
    public async Task AStatementOnABatchOfIds_IsPlannedOnce_OnTheGenericPlanConnections_NotAtEveryRun(string statement)
    {
        await GrowAsync();
        await ExecuteAsync("ANALYZE scim_resources");

        // PostgreSQL prices the generic plan of an array parameter for more ids than a batch carries: left to choose
        // with its default settings, it plans every run anew.
        await using (var defaults = NpgsqlDataSource.Create(database.ConnectionString))
            Assert.Equal((Custom: 12L, Generic: 0L), await PlansOfTwelveRunsAsync(defaults, statement));
        Assert.Equal((Custom: 0L, Generic: 12L), await PlansOfTwelveRunsAsync(database.GenericPlans, statement));
    }

    /// <summary>
    /// Each statement with the index it must take, on each pool that may run it (the statements on a batch of ids run
    /// only on the generic-plan connections, whose joins are all probes: <see cref="PostgresDataSources.CreateGenericPlans"/>),
    /// planned while the tables were tiny and analyzed, and for the statements by id also never analyzed. A lookup
    /// planned on tiny tables never analyzed may still walk a partial index of its kind (PostgreSQL takes one row in
    /// two hundred for a kind, and prices that walk as the name's probe) until autovacuum's first ANALYZE, which comes
    /// within a minute of the first fifty rows and drops the plan.
    /// </summary>
    public static TheoryData<string, string, bool, bool> StatementsOfTheirPools()
    {
        (string Statement, string Index, bool BatchOfIds, bool ById)[] statements =
        [
            (nameof(UserUpdateQueue.UpdateSql), "scim_resources_pkey", true, true),
            (nameof(UserLoadQueue.SelectUsersSql), "scim_resources_pkey", true, true),
            (nameof(PostgresResourceStore.LockMembersSql), "scim_resources_pkey", true, true),
            (nameof(PostgresResourceStore.SelectRowSql), "scim_resources_pkey", false, true),
            (nameof(PostgresResourceStore.UpdateRowSql), "scim_resources_pkey", false, true),
            (nameof(PostgresResourceStore.DeleteRowSql), "scim_resources_pkey", false, true),
            (nameof(PostgresResourceStore.SetRoleSql), "scim_resources_pkey", false, true),
            (nameof(PostgresResourceStore.GroupsOfUsers), "ix_scim_memberships_member", false, true),
            ("userName eq \"u7@grown.example\"", "ux_scim_users_user_name", false, false),
            ("externalId eq \"e7\"", "ix_scim_resources_external_id", false, false),
            ("Group displayName eq \"Group 7\"", "ux_scim_groups_display_name", false, false),
        ];
        var data = new TheoryData<string, string, bool, bool>();
        foreach (var (statement, index, batchOfIds, byId) in statements)
            foreach (var analyzed in byId ? [true, false] : new[] { true })
            {
                data.Add(statement, index, true, analyzed);
                if (!batchOfIds) data.Add(statement, index, false, analyzed);
            }
        return data;
    }

    [Theory]
    [MemberData(nameof(StatementsOfTheirPools))]
    public async Task AStatementPlannedWhileTheTablesWereTiny_KeepsItsIndex_AfterTheyGrow(string statement, string index, bool genericPlans,
        bool analyzedWhileTiny)
    {
        if (analyzedWhileTiny) await AnalyzeAsync();
        await using var connection = await (genericPlans ? database.GenericPlans : database.DataSource).OpenConnectionAsync();
        var command = Statement(statement);
        await using (var prepare = new NpgsqlCommand("PREPARE probe AS " + command.CommandText, connection)) await prepare.ExecuteNonQueryAsync();
        // Enough runs for the plan to settle (five custom plans, then the generic one); the connection keeps it for good,
        // as only an ANALYZE of a table would drop it.
        var execute = await ExecuteOfAsync(connection, "EXECUTE probe", command);
        for (var run = 0; run < 8; run++)
        {
            await using var probe = new NpgsqlCommand(execute, connection);
            await ReadAllAsync(probe);
        }

        await GrowAsync();
        await AddMembersAsync(Tenant);

        await using var explain = new NpgsqlCommand("EXPLAIN " + execute, connection);
        var lines = await PlanLinesAsync(explain);
        // Each scan of a table is a probe of the statement's index: none walks the table, nor all users through an index
        // whose rows are all users (a plan a batched UPDATE kept from a thousand users, and ran at a million).
        // (A bitmap heap scan reads what the bitmap index scan under it found.)
        var scans = lines.Where(line => line.Contains("Scan") && !line.Contains("Function Scan") && !line.Contains("Bitmap Heap Scan")).ToList();
        Assert.True(scans.Count > 0 && scans.All(scan => scan.Contains(index)), string.Join('\n', lines));
    }

    /// <summary>A statement of the store by name, or the page statement of a lookup by its filter (on groups when it starts so).</summary>
    private static NpgsqlBatchCommand Statement(string statement)
    {
        if (statement == nameof(PostgresResourceStore.GroupsOfUsers)) return PostgresResourceStore.GroupsOfUsers(Tenant, ["some-id", "other-id"]);
        if (!statement.Contains(' ')) return RowsById(statement, "some-id", "other-id");
        var groups = statement.StartsWith("Group ", StringComparison.Ordinal);
        var filter = FilterParser.Parse(groups ? statement["Group ".Length..] : statement);
        return PostgresResourceStore.QueryCommands(Tenant, new StoreQuery(groups ? ResourceSchema.Group : ResourceSchema.User, filter, null, 1, 100)).Page!;
    }

    /// <summary>
    /// <paramref name="execute"/> with the command's parameters as literals, quoted by the server: EXECUTE takes no
    /// parameters of the protocol.
    /// </summary>
    private static async Task<string> ExecuteOfAsync(NpgsqlConnection connection, string execute, NpgsqlBatchCommand command)
    {
        var count = command.Parameters.Count;
        await using var format = new NpgsqlCommand(
            $"SELECT format('{execute}(' || repeat('%L, ', {count - 1}) || '%L)', {string.Join(", ", Enumerable.Range(1, count).Select(i => "$" + i))})", connection);
        CopyParameters(command, format);
        return (string)(await format.ExecuteScalarAsync())!;
    }

    /// <summary>The custom and generic plans made for a prepared statement run twelve times with one to three ids.</summary>
    private static async Task<(long Custom, long Generic)> PlansOfTwelveRunsAsync(NpgsqlDataSource dataSource, string statement)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        for (var run = 0; run < 12; run++)
        {
            await using var command = On(connection, RowsById(statement, [.. Enumerable.Range(0, run % 3 + 1).Select(i => $"id-{run}-{i}")]));
            await command.PrepareAsync();
            await ReadAllAsync(command);
        }
        await using var plans = new NpgsqlCommand("SELECT custom_plans, generic_plans FROM pg_prepared_statements WHERE NOT from_sql", connection);
        await using var reader = await plans.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    /// <summary>A statement of the store on rows by their ids, with parameters that name <paramref name="ids"/>.</summary>
    private static NpgsqlBatchCommand RowsById(string statement, params string[] ids)
    {
        var id = ids[0];
        var (sql, parameters) = statement switch
        {
            nameof(PostgresResourceStore.SelectRowSql) => (PostgresResourceStore.SelectRowSql, new object[] { Tenant, (short)0, id }),
            nameof(PostgresResourceStore.UpdateRowSql) => (PostgresResourceStore.UpdateRowSql,
                [Tenant, (short)0, id, 2L, "u", "e", "d", true, DateTimeOffset.UtcNow, System.Text.Json.JsonDocument.Parse("{}"), 1L]),
            nameof(PostgresResourceStore.DeleteRowSql) => (PostgresResourceStore.DeleteRowSql, [Tenant, (short)0, id, 1L]),
            nameof(PostgresResourceStore.SetRoleSql) => (PostgresResourceStore.SetRoleSql, [Tenant, (short)0, id, (short)1]),
            nameof(UserLoadQueue.SelectUsersSql) => (UserLoadQueue.SelectUsersSql, [Tenant, ids]),
            nameof(PostgresResourceStore.LockMembersSql) => (PostgresResourceStore.LockMembersSql, [Tenant, ids]),
            _ => (UserUpdateQueue.UpdateSql, [Each(Tenant), ids, Each(1L), Each(2L), Each("u"), Each("e"), Each("d"), Each(true),
                Each(DateTimeOffset.UtcNow), Each(System.Text.Json.JsonDocument.Parse("{}"))]),
        };
        T[] Each<T>(T value) => [.. ids.Select(_ => value)];
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in parameters) command.Parameters.Add(new NpgsqlParameter { Value = value });
        return command;
    }

    [Theory]
    [InlineData("User", "userName eq \"u7@small.example\"")]
    [InlineData("User", "displayName eq \"User 7\"")]
    [InlineData("Group", "displayName eq \"Group 7\"")]
    public async Task APreparedNameLookup_KeepsItsGenericPlan_WhenTheTableGrowsAHundredfold(string type, string filter)
    {
        await AnalyzeAsync();
        var query = new StoreQuery(type == "User" ? ResourceSchema.User : ResourceSchema.Group, FilterParser.Parse(filter), null, 1, 100);
        var (_, page) = PostgresResourceStore.QueryCommands("small", query);
        await using var connection = await database.DataSource.OpenConnectionAsync();
        await using var lookup = On(connection, page!);
        await lookup.PrepareAsync();
        // Five custom plans, then the generic one, while the table is small.
        for (var i = 0; i < 10; i++) await ReadAllAsync(lookup);
        var customWhileSmall = await CustomPlansAsync(connection);

        await GrowAsync();
        // Autovacuum analyzes a table grown this much, and that drops every connection's cached plans of it.
        await ExecuteAsync("ANALYZE scim_resources");
        for (var i = 0; i < 20; i++) await ReadAllAsync(lookup);

        Assert.Equal(customWhileSmall, await CustomPlansAsync(connection));
    }

    private static async Task ReadAllAsync(NpgsqlCommand command)
    {
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) { }
    }

    private static async Task<long> CustomPlansAsync(NpgsqlConnection connection)
    {
        await using var plans = new NpgsqlCommand("SELECT custom_plans FROM pg_prepared_statements WHERE NOT from_sql", connection);
        return (long)(await plans.ExecuteScalarAsync())!;
    }

    /// <summary>The generic plan, as a statement prepared by the store's connections may come to use.</summary>
    private async Task<string> ExplainAsync(NpgsqlBatchCommand command)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        // For this transaction only: the pool keeps a connection's settings when it takes the connection back.
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var generic = new NpgsqlCommand("SET LOCAL plan_cache_mode = force_generic_plan", connection)) await generic.ExecuteNonQueryAsync();
        await using var explain = On(connection, command, "EXPLAIN ");
        return string.Join('\n', await PlanLinesAsync(explain));
    }

    /// <summary>The lines of the plan an EXPLAIN command prints.</summary>
    private static async Task<List<string>> PlanLinesAsync(NpgsqlCommand explain)
    {
        await using var reader = await explain.ExecuteReaderAsync();
        var lines = new List<string>();
        while (await reader.ReadAsync()) lines.Add(reader.GetString(0));
        return lines;
    }

    /// <summary>A store's batch command as a command of its own on <paramref name="connection"/>, after <paramref name="prefix"/>.</summary>
    private static NpgsqlCommand On(NpgsqlConnection connection, NpgsqlBatchCommand command, string prefix = "")
    {
        var own = new NpgsqlCommand(prefix + command.CommandText, connection);
        CopyParameters(command, own);
        return own;
    }

    private static void CopyParameters(NpgsqlBatchCommand from, NpgsqlCommand to)
    {
        foreach (NpgsqlParameter parameter in from.Parameters) to.Parameters.Add(new NpgsqlParameter { Value = parameter.Value });
    }

    private Task InsertAsync(string tenant, int kind, int from, int to) => ExecuteAsync($"""
        INSERT INTO scim_resources (tenant, kind, id, version, user_name, external_id, display_name, active, created, last_modified, document)
        SELECT '{tenant}', {kind}, gen_random_uuid()::text, 1,
               CASE WHEN {kind} = 0 THEN 'u' || i || '@{tenant}.example' END, 'e' || i,
               CASE WHEN {kind} = 0 THEN 'User ' ELSE 'Group ' END || i, true, now(), now(), '{"{"}{"}"}'::jsonb
        FROM generate_series({from}, {to}) AS i
        """);

    /// <summary>Each user of the tenant joins one of a hundred groups.</summary>
    private Task AddMembersAsync(string tenant) => ExecuteAsync($"""
        INSERT INTO scim_memberships (tenant, group_id, member_id, source)
        SELECT tenant, 'group-' || (seq % 100), id, 'scim' FROM scim_resources WHERE tenant = '{tenant}' AND kind = 0
        """);

    private async Task ExecuteAsync(string sql)
    {
        await using var command = database.DataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }
}
