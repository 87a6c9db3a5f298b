using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NpgsqlTypes;
using Scim.Grains.Documents;
using Scim.Grains.Filtering;
using Scim.Grains.Interfaces.Groups;
using Scim.Grains.Interfaces.Platform;
using Scim.Grains.Interfaces.Resources;
using Scim.Grains.Rules;
using Scim.Grains.Schemas;

namespace Scim.Grains.Storage.Postgres;

/// <summary>
/// The production store (DESIGN §4): a resource is one row of <c>scim_resources</c> (canonical jsonb plus the columns
/// that lookups, order and uniqueness need; a group's parent), a group's members are rows of <c>scim_memberships</c>
/// with their source. Every mutation is one transaction sent as one batch; the row version is checked in the
/// UPDATE/DELETE itself; tree changes run under the tenant's tree lock (<c>scim_lock_tree</c>). Users created, updated
/// or read by activating grains at the same moment share a statement (<see cref="UserInsertQueue"/>,
/// <see cref="UserUpdateQueue"/>, <see cref="UserLoadQueue"/>), and lookups a batch (<see cref="LookupQueue"/>). The
/// statements that take arrays of ids (those reads and updates, and a resource's write with its members) go on
/// connections that plan each statement once (<see cref="PostgresDataSources.CreateGenericPlans"/>).
/// Database errors leave here as <see cref="Interfaces.Errors.ScimException"/>s (<see cref="PostgresErrors"/>).
/// </summary>
public sealed class PostgresResourceStore(NpgsqlDataSource dataSource, [FromKeyedServices(PostgresDataSources.GenericPlansKey)] NpgsqlDataSource genericPlans)
    : IResourceStore, IMembershipStore, IGroupTreeStore
{
    private const string ScimSource = "scim";
    private const string ManualSource = "manual";

    /// <summary>The columns a new row is written with, in the order of their values.</summary>
    internal const string InsertedColumns =
        "tenant, kind, id, version, user_name, external_id, display_name, active, created, last_modified, document, platform_role, created_by_platform";

    // The statements on rows by their ids name the tenant and the kind as expressions no index serves, so that only the
    // primary key, led by the id (migration 0019), fits them: a plan cannot flip to walking the tenant's rows, nor all
    // users through an index on users only (whose predicate a plain kind = 0 would satisfy), whatever the statistics.
    private const string RowByIdSql = "(tenant || '') = $1 AND kind + 0 = $2 AND id = $3";
    internal const string SelectRowSql = $"SELECT version, document, platform_role, created_by_platform FROM scim_resources WHERE {RowByIdSql}";
    internal const string UpdateRowSql = $"""
        UPDATE scim_resources SET version = $4, user_name = $5, external_id = $6, display_name = $7, active = $8,
            last_modified = $9, document = $10
        WHERE {RowByIdSql} AND version = $11
        """;
    internal const string DeleteRowSql = $"DELETE FROM scim_resources WHERE {RowByIdSql} AND version = $4";
    internal const string SetRoleSql = $"UPDATE scim_resources SET platform_role = $4 WHERE {RowByIdSql}";

    /// <summary>
    /// Before members ($2) are added: refuses one that is a group (Rules/GroupMembersAreUsers), and locks the users among
    /// them until commit, so that a concurrent deletion of one waits and then removes the new row too.
    /// </summary>
    internal const string LockMembersSql = """
        SELECT CASE WHEN kind = 1 THEN scim_refuse_group_as_member(id) END FROM scim_resources
        WHERE (tenant || '') = $1 AND kind + 0 IN (0, 1) AND id = ANY($2) FOR KEY SHARE
        """;

    private readonly UserInsertQueue userInserts = new(dataSource);
    private readonly UserUpdateQueue userUpdates = new(genericPlans);
    private readonly UserLoadQueue userLoads = new(genericPlans);
    private readonly LookupQueue lookups = new(dataSource);

    public Task<StoredResource?> GetAsync(string tenant, ResourceKind kind, string id, CancellationToken cancellationToken) =>
        PostgresErrors.Translate(async () =>
        {
            await using var batch = dataSource.CreateBatch();
            batch.BatchCommands.Add(Command(SelectRowSql, tenant, (short)kind, id));
            await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
            return await ReadRowAsync(tenant, kind, id, reader, cancellationToken);
        });

    public Task<(StoredResource? User, IReadOnlyList<UserGroup> Groups)> GetUserWithGroupsAsync(string tenant, string id, CancellationToken cancellationToken) =>
        userLoads.GetAsync(tenant, id);

    public async Task<IReadOnlyDictionary<string, StoredResource>> FindUsersAsync(string tenant, IReadOnlyCollection<string> userNames,
        CancellationToken cancellationToken)
    {
        // Each name's own lookup statement (the one a userName eq filter runs, with its plan), all in one batch.
        var names = userNames.ToList();
        var pages = await lookups.ReadManyAsync(tenant,
            names.Select(name => new StoreQuery(ResourceSchema.User, Filters.Eq("userName", LiteralKind.String, name), null, 1, 1)));
        var found = new Dictionary<string, StoredResource>(StringComparer.Ordinal);
        foreach (var (name, page) in names.Zip(pages))
        {
            if (page.Rows is [var user, ..]) found[name] = user;
        }
        return found;
    }

    private static async Task<StoredResource?> ReadRowAsync(string tenant, ResourceKind kind, string id, NpgsqlDataReader reader,
        CancellationToken cancellationToken)
    {
        if (!await reader.ReadAsync(cancellationToken)) return null;
        return Row(tenant, kind, id, reader.GetInt64(0), reader.GetFieldValue<byte[]>(1), (PlatformRole)reader.GetInt16(2), reader.GetBoolean(3));
    }

    public Task InsertAsync(StoredResource resource, MembershipChange members, OutboxMessage? mail, CancellationToken cancellationToken) =>
        resource.Kind == ResourceKind.User && members.IsEmpty
            ? userInserts.InsertAsync(resource, mail)
            : InsertAloneAsync(genericPlans, resource, members, mail, cancellationToken);

    /// <summary>Inserts one resource in a transaction of its own.</summary>
    internal static Task<bool> InsertAloneAsync(NpgsqlDataSource dataSource, StoredResource resource, MembershipChange members, OutboxMessage? mail,
        CancellationToken cancellationToken) =>
        PostgresErrors.Translate(async () =>
        {
            await using var batch = dataSource.CreateBatch();
            foreach (var command in MembershipCommands(resource.Tenant, resource.Id, members).Prepend(Insert(resource)))
                batch.BatchCommands.Add(command);
            // One batch is one transaction: the e-mail is owed exactly when the user exists.
            if (mail is not null) batch.BatchCommands.Add(PostgresOutboxStore.Insert(mail));
            await batch.ExecuteNonQueryAsync(cancellationToken);
            return true;
        }, resource);

    public Task UpdateAsync(StoredResource resource, long expectedVersion, MembershipChange members, CancellationToken cancellationToken) =>
        resource.Kind == ResourceKind.User && members.IsEmpty
            ? userUpdates.UpdateAsync(resource, expectedVersion, withGroups: false)
            : UpdateAloneAsync(genericPlans, resource, expectedVersion, members, cancellationToken);

    public async Task<IReadOnlyList<UserGroup>> UpdateUserWithGroupsAsync(StoredResource user, long expectedVersion, CancellationToken cancellationToken) =>
        await userUpdates.UpdateAsync(user, expectedVersion, withGroups: true) ?? [];

    /// <summary>Updates one resource (version-checked) with its membership change, in a transaction of its own.</summary>
    internal static Task<bool> UpdateAloneAsync(NpgsqlDataSource dataSource, StoredResource resource, long expectedVersion, MembershipChange members,
        CancellationToken cancellationToken) =>
        PostgresErrors.Translate(() => WriteVersionedAsync(dataSource, resource.Kind, resource.Id,
            MembershipCommands(resource.Tenant, resource.Id, members).Prepend(Update(resource, expectedVersion)), 0, cancellationToken), resource);

    /// <summary>Updates one user (version-checked) and reads its groups after the write, in one transaction.</summary>
    internal static Task<IReadOnlyList<UserGroup>> UpdateUserAloneWithGroupsAsync(NpgsqlDataSource dataSource, StoredResource user, long expectedVersion) =>
        PostgresErrors.Translate(async () =>
        {
            await using var batch = dataSource.CreateBatch();
            batch.BatchCommands.Add(Guarded(Update(user, expectedVersion)));
            batch.BatchCommands.Add(GroupsOfUsers(user.Tenant, [user.Id]));
            return await VersionCheckedAsync(ResourceKind.User, user.Id, async () =>
            {
                await using var reader = await batch.ExecuteReaderAsync(CancellationToken.None);
                await reader.NextResultAsync(CancellationToken.None);
                return (await ReadGroupsOfUsersAsync(reader)).GetValueOrDefault(user.Id) ?? (IReadOnlyList<UserGroup>)[];
            });
        }, user);

    public Task DeleteAsync(string tenant, ResourceKind kind, string id, long expectedVersion, CancellationToken cancellationToken)
    {
        var delete = Command(DeleteRowSql, tenant, (short)kind, id, expectedVersion);
        var memberships = kind == ResourceKind.Group
            ? Command("DELETE FROM scim_memberships WHERE tenant = $1 AND group_id = $2", tenant, id)
            : Command("DELETE FROM scim_memberships WHERE tenant = $1 AND member_id = $2", tenant, id);
        if (kind == ResourceKind.User) return PostgresErrors.Translate(() => WriteVersionedAsync(dataSource, kind, id, [delete, memberships], 0, cancellationToken));
        // A group's children move to its parent, under the tree lock so that no move into the group can slip in between.
        return PostgresErrors.Translate(() => WriteVersionedAsync(dataSource, kind, id,
        [
            Command("SELECT scim_lock_tree($1)", tenant),
            Command("""
                UPDATE scim_resources c SET parent_id = (SELECT g.parent_id FROM scim_resources g WHERE g.tenant = $1 AND g.kind = 1 AND g.id = $2)
                WHERE c.tenant = $1 AND c.kind = 1 AND c.parent_id = $2
                """, tenant, id),
            delete,
            memberships,
        ], 2, cancellationToken));
    }

    public Task<ResourcePage> QueryAsync(string tenant, StoreQuery query, CancellationToken cancellationToken) =>
        PostgresErrors.Translate(async () =>
        {
            // A lookup by an indexed equality (the one IdPs send before every write) finds a handful of rows: when they
            // fit in the first page they are the total, and the count is asked for only when the page comes back full.
            if (query.Count > 0 && query.StartIndex == 1 && query.AfterSequence is null && PostgresFilter.IsNarrow(query.Filter, query.Schema))
            {
                var (found, foundInGroups) = await lookups.ReadAsync(tenant, query);
                if (found.Count < query.Count) return new ResourcePage(found.Count, found, await GroupsOfPageAsync(tenant, query, foundInGroups, cancellationToken));
            }
            var (count, page) = QueryCommands(tenant, query);
            var (rows, inGroups, total) = await ReadCountAndPageAsync(tenant, query, count, page, cancellationToken);
            return new ResourcePage((int)total, rows, await GroupsOfPageAsync(tenant, query, inGroups, cancellationToken));
        });

    /// <summary>
    /// The groups of a page's users, when the query asks for them: walked only for the users the page statement found in
    /// a group, in a second statement. Users in none (every user of a first sync) cost no walk at all.
    /// </summary>
    private async Task<IReadOnlyDictionary<string, IReadOnlyList<UserGroup>>?> GroupsOfPageAsync(string tenant, StoreQuery query,
        List<string> inGroups, CancellationToken cancellationToken)
    {
        if (!query.WithGroups) return null;
        if (inGroups.Count == 0) return new Dictionary<string, IReadOnlyList<UserGroup>>();
        return await GetGroupsOfUsersAsync(tenant, inGroups, cancellationToken);
    }

    private async Task<(List<StoredResource> Rows, List<string> InGroups, long Total)> ReadCountAndPageAsync(
        string tenant, StoreQuery query, NpgsqlBatchCommand count, NpgsqlBatchCommand? page, CancellationToken cancellationToken)
    {
        await using var batch = dataSource.CreateBatch();
        batch.BatchCommands.Add(count);
        if (page is not null) batch.BatchCommands.Add(page);
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var total = reader.GetInt64(0);
        if (!await reader.NextResultAsync(cancellationToken)) return ([], [], total);
        var (rows, inGroups) = await ReadRowsAsync(tenant, query, reader, cancellationToken);
        return (rows, inGroups, total);
    }

    /// <summary>The rows of a page statement, and the ids of those it found in a group when the query asks for groups.</summary>
    internal static async Task<(List<StoredResource> Rows, List<string> InGroups)> ReadRowsAsync(
        string tenant, StoreQuery query, NpgsqlDataReader reader, CancellationToken cancellationToken)
    {
        var rows = new List<StoredResource>();
        var inGroups = new List<string>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var row = Row(tenant, query.Kind, reader.GetString(0), reader.GetInt64(1), reader.GetFieldValue<byte[]>(2), (PlatformRole)reader.GetInt16(4),
                reader.GetBoolean(5), sequence: reader.GetInt64(3));
            rows.Add(row);
            if (query.WithGroups && reader.GetBoolean(6)) inGroups.Add(row.Id);
        }
        return (rows, inGroups);
    }

    /// <summary>The statements of a list query: the count for totalResults, and the page unless none is wanted.</summary>
    internal static (NpgsqlBatchCommand Count, NpgsqlBatchCommand? Page) QueryCommands(string tenant, StoreQuery query)
    {
        var kind = query.Kind;
        var parameters = new SqlParameters();
        var tenantParameter = parameters.Add(tenant);
        // A lookup by name names the tenant in an expression no index serves, so that only the name's index (led by the
        // name) can find its rows: a plan cannot flip to walking the tenant through a tenant-led index, whatever the statistics.
        var tenantColumn = PostgresFilter.IsNameLookup(query.Filter, query.Schema) ? "(r.tenant || '')" : "r.tenant";
        var where = $"{tenantColumn} = {tenantParameter} AND r.kind = {(short)kind}";
        if (query.Filter is not null) where += " AND " + new PostgresFilter(query.Schema, parameters, tenantParameter).Condition(query.Filter);
        // The few rows of an indexed equality are fetched by that index and sorted: ordered by the plain column, the planner
        // may instead walk the tenant's creation-order index to fill the LIMIT (it did on a freshly filled table whose
        // statistics lagged: 44 ms instead of 0.2 ms for one userName among 10,000).
        var creationOrder = PostgresFilter.IsNarrow(query.Filter, query.Schema) ? "(r.seq + 0)" : "r.seq";
        var order = query.Sort is null ? creationOrder : PostgresSort.OrderBy(query.Sort, kind, parameters);
        var count = WithParameters(new NpgsqlBatchCommand($"SELECT count(*) FROM scim_resources r WHERE {where}"), parameters);
        if (query.Count == 0) return (count, null);
        var window = query.AfterSequence is { } after
            ? $"AND r.seq > {after} ORDER BY {order} LIMIT {query.Count}"
            : $"ORDER BY {order} LIMIT {query.Count} OFFSET {query.StartIndex - 1}";
        // With groups asked for, each row says whether its user is in any group (one probe of the member index).
        var inAGroup = query.WithGroups
            ? $", EXISTS (SELECT FROM scim_memberships m WHERE m.tenant = {tenantParameter} AND m.member_id = r.id)"
            : "";
        return (count, WithParameters(new NpgsqlBatchCommand(
            $"SELECT r.id, r.version, r.document, r.seq, r.platform_role, r.created_by_platform{inAGroup} FROM scim_resources r WHERE {where} {window}"), parameters));
    }

    public Task<IReadOnlyList<GroupMember>> GetMembersAsync(string tenant, string groupId, string? after, int count, CancellationToken cancellationToken)
    {
        var p = new SqlParameters();
        var sql = $"""
            SELECT member_id, display FROM scim_memberships
            WHERE tenant = {p.Add(tenant)} AND group_id = {p.Add(groupId)} AND source = {p.Add(ScimSource)} {After("member_id", after, p)}
            ORDER BY member_id LIMIT {p.Add(count)}
            """;
        return ReadAsync(WithParameters(new NpgsqlBatchCommand(sql), p),
            reader => new GroupMember(reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1)), cancellationToken);
    }

    public async Task<bool> SetRoleAsync(string tenant, string userId, PlatformRole role, CancellationToken cancellationToken) =>
        await ExecuteAsync(Command(SetRoleSql, tenant, (short)ResourceKind.User, userId, (short)role),
            cancellationToken) == 1;

    public Task<bool> AddManualMemberAsync(string tenant, string groupId, string userId, CancellationToken cancellationToken) =>
        PostgresErrors.Translate(async () =>
        {
            await using var batch = dataSource.CreateBatch();
            batch.BatchCommands.Add(Command(LockMembersSql, tenant, new[] { userId }));
            // The no-op update makes an existing manual membership count as written: only a missing user writes nothing.
            batch.BatchCommands.Add(Command("""
                INSERT INTO scim_memberships (tenant, group_id, member_id, source)
                SELECT $1, $2, u.id, $4 FROM scim_resources u WHERE u.tenant = $1 AND u.kind = 0 AND u.id = $3
                ON CONFLICT (tenant, group_id, member_id, source) DO UPDATE SET display = scim_memberships.display
                """, tenant, groupId, userId, ManualSource));
            await batch.ExecuteNonQueryAsync(cancellationToken);
            return batch.BatchCommands[1].RecordsAffected == 1;
        });

    public async Task<bool> RemoveManualMemberAsync(string tenant, string groupId, string userId, CancellationToken cancellationToken) =>
        await ExecuteAsync(Command("DELETE FROM scim_memberships WHERE tenant = $1 AND group_id = $2 AND member_id = $3 AND source = $4",
            tenant, groupId, userId, ManualSource), cancellationToken) == 1;

    public Task<IReadOnlyList<MemberEntry>> ListMembersAsync(string tenant, string groupId, string? after, int count, CancellationToken cancellationToken)
    {
        var p = new SqlParameters();
        var sql = $"""
            SELECT m.member_id, array_agg(m.source), min(u.user_name)
            FROM scim_memberships m LEFT JOIN scim_resources u ON u.tenant = m.tenant AND u.kind = 0 AND u.id = m.member_id
            WHERE m.tenant = {p.Add(tenant)} AND m.group_id = {p.Add(groupId)} {After("m.member_id", after, p)}
            GROUP BY m.member_id ORDER BY m.member_id LIMIT {p.Add(count)}
            """;
        return ReadAsync(WithParameters(new NpgsqlBatchCommand(sql), p), reader => new MemberEntry(reader.GetString(0),
            reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetFieldValue<string[]>(1).Select(SourceOf).Order().ToList()), cancellationToken);
    }

    public bool ReadsGroupsInProcess => false;

    public async Task<IReadOnlyDictionary<string, IReadOnlyList<UserGroup>>> GetGroupsOfUsersAsync(string tenant, IReadOnlyCollection<string> userIds,
        CancellationToken cancellationToken)
    {
        var rows = await ReadAsync(GroupsOfUsers(tenant, userIds), GroupOfUser, cancellationToken);
        return rows.GroupBy(r => r.User, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<UserGroup>)g.Select(r => r.Group).ToList(), StringComparer.Ordinal);
    }

    public Task MoveGroupAsync(string tenant, string groupId, string? parentId, CancellationToken cancellationToken) =>
        PostgresErrors.Translate(async () =>
        {
            await using var batch = dataSource.CreateBatch();
            batch.BatchCommands.Add(Command("SELECT scim_move_group($1, $2, $3)", tenant, groupId, Text(parentId)));
            return (int)(await batch.ExecuteScalarAsync(cancellationToken))! switch
            {
                0 => true,
                1 => throw StoreErrors.GroupNotFound(groupId),
                2 => throw StoreErrors.GroupNotFound(parentId!),
                _ => throw HierarchyCycles.Refused(groupId, parentId!),
            };
        });

    public async Task<IReadOnlyList<GroupNode>?> GetChildrenAsync(string tenant, string? parentId, string? after, int count, CancellationToken cancellationToken)
    {
        if (parentId is not null && await GetAsync(tenant, ResourceKind.Group, parentId, cancellationToken) is null) return null;
        var p = new SqlParameters();
        var sql = $"""
            SELECT id, display_name FROM scim_resources
            WHERE tenant = {p.Add(tenant)} AND kind = 1 AND parent_id {(parentId is null ? "IS NULL" : "= " + p.Add(parentId))} {After("id", after, p)}
            ORDER BY id LIMIT {p.Add(count)}
            """;
        return await ReadAsync(WithParameters(new NpgsqlBatchCommand(sql), p), Node, cancellationToken);
    }

    public async Task<IReadOnlyList<GroupNode>?> GetPathAsync(string tenant, string groupId, CancellationToken cancellationToken)
    {
        var path = await ReadAsync(Command("""
            SELECT g.id, g.display_name
            FROM (SELECT $2 AS id, 0 AS depth UNION ALL SELECT a.id, a.depth FROM scim_group_ancestors($1, $2) a) chain
            JOIN scim_resources g ON g.tenant = $1 AND g.kind = 1 AND g.id = chain.id
            ORDER BY chain.depth DESC
            """, tenant, groupId), Node, cancellationToken);
        return path.Count == 0 ? null : path;
    }

    public Task PingAsync(CancellationToken cancellationToken) =>
        PostgresErrors.Translate(async () =>
        {
            await using var command = dataSource.CreateCommand("SELECT 1");
            await command.ExecuteScalarAsync(cancellationToken);
            return true;
        });

    /// <summary>
    /// Whether any of the users (a query of their ids) is a member of a group: a one-time check before their groups are
    /// walked, so that users in no group (most users an IdP looks up or reads) cost one index probe each, not the walk.
    /// Each id is probed through the index led by the member (LIMIT 1 per id keeps it a probe whatever the statistics).
    /// </summary>
    private static string AnyInAGroup(string tenantParameter, string userIds) => $"""
        EXISTS (SELECT FROM ({userIds}) AS u(id), LATERAL (SELECT FROM scim_memberships m WHERE m.tenant = {tenantParameter} AND m.member_id = u.id LIMIT 1) AS m)
        """;

    /// <summary>The statement of the users' groups: a row per user and group, for users in any.</summary>
    internal static NpgsqlBatchCommand GroupsOfUsers(string tenant, IReadOnlyCollection<string> userIds) => Command($"""
        SELECT out_user, out_group, out_display, out_direct FROM scim_groups_of_users($1, $2)
        WHERE {AnyInAGroup("$1", "SELECT unnest($2::text[])")}
        """, tenant, userIds.ToArray());

    /// <summary>The users' groups of a <see cref="GroupsOfUsers"/> result set at the reader, by user; a user in none is absent.</summary>
    internal static async Task<Dictionary<string, List<UserGroup>>> ReadGroupsOfUsersAsync(NpgsqlDataReader reader)
    {
        var groups = new Dictionary<string, List<UserGroup>>(StringComparer.Ordinal);
        while (await reader.ReadAsync(CancellationToken.None))
        {
            var (user, group) = GroupOfUser(reader);
            (groups.TryGetValue(user, out var list) ? list : groups[user] = []).Add(group);
        }
        return groups;
    }

    internal static (string User, UserGroup Group) GroupOfUser(NpgsqlDataReader reader) =>
        (reader.GetString(0), new UserGroup(reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetBoolean(3)));

    private static GroupNode Node(NpgsqlDataReader reader) => new(reader.GetString(0), reader.IsDBNull(1) ? "" : reader.GetString(1));

    private static MembershipSource SourceOf(string source) => source == ManualSource ? MembershipSource.Manual : MembershipSource.Scim;

    /// <summary>The keyset condition of a page that continues after a key (none for a first page).</summary>
    private static string After(string column, string? after, SqlParameters parameters) => after is null ? "" : $"AND {column} > {parameters.Add(after)}";

    /// <summary>Runs one statement on its own; returns the rows it affected.</summary>
    private Task<int> ExecuteAsync(NpgsqlBatchCommand command, CancellationToken cancellationToken) =>
        PostgresErrors.Translate(() => RunAsync(command, cancellationToken));

    private Task<int> RunAsync(NpgsqlBatchCommand command, CancellationToken cancellationToken) => RunAsync(dataSource, command, cancellationToken);

    /// <summary>Runs one statement as its own transaction; its errors are left to the caller's translation.</summary>
    internal static async Task<int> RunAsync(NpgsqlDataSource dataSource, NpgsqlBatchCommand command, CancellationToken cancellationToken)
    {
        await using var batch = dataSource.CreateBatch();
        batch.BatchCommands.Add(command);
        return await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Runs a query and maps its rows.</summary>
    private Task<IReadOnlyList<T>> ReadAsync<T>(NpgsqlBatchCommand command, Func<NpgsqlDataReader, T> map, CancellationToken cancellationToken) =>
        PostgresErrors.Translate<IReadOnlyList<T>>(async () =>
        {
            await using var batch = dataSource.CreateBatch();
            batch.BatchCommands.Add(command);
            await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
            var rows = new List<T>();
            while (await reader.ReadAsync(cancellationToken)) rows.Add(map(reader));
            return rows;
        });

    /// <summary>A stored row as a resource, its document's attributes in the schema's order.</summary>
    internal static StoredResource Row(string tenant, ResourceKind kind, string id, long version, byte[] json, PlatformRole role,
        bool createdByPlatform, long sequence = 0) =>
        StoredResource.FromJson(tenant, kind, id, version, ResourceDocument.InCanonicalOrder(json, ResourceSchema.For(kind))) with
        {
            Role = role,
            CreatedByPlatform = createdByPlatform,
            Sequence = sequence,
        };

    private static NpgsqlBatchCommand Insert(StoredResource resource)
    {
        var columns = IndexedColumns.Of(resource);
        return Command($"INSERT INTO scim_resources ({InsertedColumns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)",
            resource.Tenant, (short)resource.Kind, resource.Id, resource.Version, Text(columns.UserName), Text(columns.ExternalId),
            Text(columns.DisplayName), Boolean(columns.Active), columns.Created, columns.LastModified, Jsonb(resource), (short)resource.Role,
            resource.CreatedByPlatform);
    }

    private static NpgsqlBatchCommand Update(StoredResource resource, long expectedVersion)
    {
        var columns = IndexedColumns.Of(resource);
        return Command(UpdateRowSql, resource.Tenant, (short)resource.Kind, resource.Id, resource.Version, Text(columns.UserName),
            Text(columns.ExternalId), Text(columns.DisplayName), Boolean(columns.Active), columns.LastModified, Jsonb(resource), expectedVersion);
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
        var ids = added.Select(m => m.MemberId).ToArray();
        yield return Command(LockMembersSql, tenant, ids);
        yield return Command("""
            INSERT INTO scim_memberships (tenant, group_id, member_id, source, display)
            SELECT $1, $2, member_id, $3, display FROM unnest($4::text[], $5::text[]) AS added(member_id, display)
            ON CONFLICT (tenant, group_id, member_id, source) DO UPDATE SET display = excluded.display
            """, tenant, groupId, ScimSource, ids, added.Select(m => m.Display).ToArray());
    }

    /// <summary>
    /// Runs statements in one transaction, one of which (at <paramref name="versioned"/>) is a version-checked UPDATE or
    /// DELETE of the resource row; when it touched no row (another writer came first), nothing is committed. One round
    /// trip: the batch is its own transaction, and the versioned statement raises when it touched no row, which rolls
    /// the batch back. A busy group commits batch after batch, so the round trip an explicit COMMIT costs is its pace.
    /// </summary>
    private static async Task<bool> WriteVersionedAsync(NpgsqlDataSource dataSource, ResourceKind kind, string id, IEnumerable<NpgsqlBatchCommand> commands,
        int versioned, CancellationToken cancellationToken)
    {
        var statements = commands.ToList();
        if (statements.Count == 1)
        {
            // A lone statement is its own transaction, and a version mismatch leaves nothing to roll back.
            if (await RunAsync(dataSource, statements[0], cancellationToken) != 1) throw StoreErrors.ConcurrentChange(kind, id);
            return true;
        }
        Guarded(statements[versioned]);
        await using var batch = dataSource.CreateBatch();
        foreach (var command in statements) batch.BatchCommands.Add(command);
        return await VersionCheckedAsync(kind, id, async () =>
        {
            await batch.ExecuteNonQueryAsync(cancellationToken);
            return true;
        });
    }

    /// <summary>A write of one row that fails with <see cref="PostgresErrors.VersionMismatch"/> unless it wrote exactly that row.</summary>
    private static NpgsqlBatchCommand Guarded(NpgsqlBatchCommand write)
    {
        write.CommandText = $"WITH written AS ({write.CommandText} RETURNING 1) SELECT scim_expect_one_written(count(*)) FROM written";
        return write;
    }

    /// <summary>Runs a batch holding a <see cref="Guarded"/> write: the version mismatch it raises is the resource's 409.</summary>
    private static async Task<T> VersionCheckedAsync<T>(ResourceKind kind, string id, Func<Task<T>> run)
    {
        try
        {
            return await run();
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrors.VersionMismatch)
        {
            throw StoreErrors.ConcurrentChange(kind, id);
        }
    }

    // A value that may be null goes with its type: an untyped null does not match the types a statement was prepared
    // with when it ran with a value (a group's update after a user's, a move to the root after one under a parent), so
    // Npgsql sends it unprepared and PostgreSQL plans it at every run.
    private static NpgsqlParameter Text(string? value) => new() { NpgsqlDbType = NpgsqlDbType.Text, Value = (object?)value ?? DBNull.Value };

    private static NpgsqlParameter Boolean(bool? value) => new() { NpgsqlDbType = NpgsqlDbType.Boolean, Value = (object?)value ?? DBNull.Value };

    // Documents go as the UTF-8 text the grain keeps of the row (StoredResource.Json): written once for both.
    private static NpgsqlParameter Jsonb(StoredResource resource) => new() { NpgsqlDbType = NpgsqlDbType.Jsonb, Value = resource.Json };

    /// <summary>Documents as one jsonb[] parameter, for the statements that write many rows.</summary>
    internal static NpgsqlParameter JsonbArray(IEnumerable<StoredResource> resources) =>
        new() { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Jsonb, Value = resources.Select(r => r.Json).ToArray() };

    /// <summary>The (tenant, id) of each row a statement wrote, from its result set at the reader.</summary>
    internal static async Task<List<(string Tenant, string Id)>> ReadKeysAsync(NpgsqlDataReader reader)
    {
        var keys = new List<(string, string)>();
        while (await reader.ReadAsync(CancellationToken.None)) keys.Add((reader.GetString(0), reader.GetString(1)));
        return keys;
    }

    /// <summary>
    /// A statement with its parameters, typed by their values. A value that may be null is passed as a typed parameter
    /// (<see cref="Text"/>, <see cref="Boolean"/>): the values are not nullable, so the compiler asks for it.
    /// </summary>
    internal static NpgsqlBatchCommand Command(string sql, params object[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in values) command.Parameters.Add(value as NpgsqlParameter ?? new NpgsqlParameter { Value = value });
        return command;
    }

    private static NpgsqlBatchCommand WithParameters(NpgsqlBatchCommand command, SqlParameters parameters)
    {
        command.Parameters.AddRange(parameters.Create().ToArray());
        return command;
    }
}
