using Npgsql;

namespace Scim.Grains.Storage.Postgres;

/// <summary>The resource store's two pools of connections to the one database.</summary>
public static class PostgresDataSources
{
    /// <summary>The service key of the pool whose connections always run a statement's generic plan.</summary>
    public const string GenericPlansKey = "scim-generic-plans";

    /// <summary>Connections of the store's pool, unless the string sets a size.</summary>
    public const int PoolSize = 32;

    /// <summary>Connections of the pool whose every statement runs its generic plan, unless the string sets a size.</summary>
    public const int GenericPlansPoolSize = 8;

    /// <summary>
    /// The store's pool: <see cref="PoolSize"/> connections unless the string sets Maximum Pool Size; statements
    /// auto-prepared unless it sets Max Auto Prepare; connections not reset on return unless it sets No Reset On Close;
    /// a table walked only where no index serves the statement (<see cref="IndexedPlans"/>).
    /// </summary>
    public static NpgsqlDataSource Create(string connectionString) => NpgsqlDataSource.Create(Settings(connectionString, PoolSize).ConnectionString);

    /// <summary>
    /// A small pool for the statements that take an array of ids (the reads of activating users and the updates of many
    /// users at once, <see cref="UserLoadQueue"/> and <see cref="UserUpdateQueue"/>; the check and lock of a group's new
    /// members), whose connections plan each prepared statement once (<c>plan_cache_mode = force_generic_plan</c>).
    /// PostgreSQL prices a generic plan for ten or a hundred ids and a custom plan for the few a run carries, so it
    /// found the custom one cheaper and planned these statements anew at every run: more of its CPU than running them,
    /// in an IdP's cycle over users whose grains were not active and in member adds to a busy group. Their plans do not
    /// depend on the values: each id is one probe of the primary key (PostgresLookupPlanTests holds them to it). The
    /// queues run one batch at a time and a group one commit, so few connections serve them.
    /// </summary>
    public static NpgsqlDataSource CreateGenericPlans(string connectionString)
    {
        var settings = Settings(connectionString, GenericPlansPoolSize);
        // Each of these statements joins its ids to the rows, which must be a probe of the primary key per id: the
        // batched user UPDATE, planned with a thousand users in the table, hashed the ids and walked every user through
        // a partial index on users, and went on doing so at a million (a second a batch, with autovacuum off).
        settings.Options = $"{settings.Options} -c plan_cache_mode=force_generic_plan -c enable_hashjoin=off -c enable_mergejoin=off";
        return NpgsqlDataSource.Create(settings.ConnectionString);
    }

    /// <summary>
    /// The planner setting of every connection of the store. A prepared statement keeps the plan it was first given
    /// until an ANALYZE of its tables, and while a table holds a few pages, walking it costs less than probing an index:
    /// a statement first run while the tables were that small went on walking them as a tenant grew. Priced out, a walk
    /// is taken only where no index serves the statement (a filter on an attribute without one).
    /// </summary>
    private const string IndexedPlans = "-c enable_seqscan=off";

    private static NpgsqlConnectionStringBuilder Settings(string connectionString, int poolSize)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        builder.Options = $"{builder.Options} {IndexedPlans}".Trim();
        if (!connectionString.Contains("Pool Size", StringComparison.OrdinalIgnoreCase)) builder.MaxPoolSize = poolSize;
        // The store's statements repeat with new parameters: prepared once per connection, they skip parse and plan.
        if (!connectionString.Contains("Auto Prepare", StringComparison.OrdinalIgnoreCase)) builder.MaxAutoPrepare = 64;
        // The store leaves no session state behind (its settings and locks are transaction-scoped), so a connection
        // returned to the pool need not be reset: that was five statements on the server for every store call.
        if (!connectionString.Contains("Reset On Close", StringComparison.OrdinalIgnoreCase)) builder.NoResetOnClose = true;
        return builder;
    }
}
