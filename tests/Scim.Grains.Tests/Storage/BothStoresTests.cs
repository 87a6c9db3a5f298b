using Npgsql;
using Scim.Grains.Documents;
using Scim.Grains.Schemas;
using Scim.Grains.Storage;
using Scim.Grains.Storage.Postgres;

namespace Scim.Grains.Tests.Storage;

/// <summary>
/// A behaviour checked on both stores (each test names its store: "postgres" or "in-memory"): a fresh migrated
/// database per test, and rows of one tenant.
/// </summary>
public abstract class BothStoresTests(string tenant) : IAsyncLifetime
{
    private MigratedDatabase database = null!;

    protected string Tenant => tenant;

    public async Task InitializeAsync() => database = await MigratedDatabase.CreateAsync();

    public async Task DisposeAsync() => await database.DisposeAsync();

    protected NpgsqlDataSource DataSource => database.DataSource;

    protected IResourceStore Store(string kind) => kind == "postgres" ? database.Store() : new InMemoryResourceStore();

    /// <summary>The outbox the store writes owed e-mails to: itself in memory, the same database on PostgreSQL.</summary>
    protected IOutboxStore OutboxOf(IResourceStore store) => store as IOutboxStore ?? new PostgresOutboxStore(database.DataSource);

    protected StoredResource User(string id, string userName) =>
        StoredRows.Of(ResourceSchema.User, tenant, id, $$"""{"userName":"{{userName}}"}""");

    protected StoredResource Group(string id, string displayName, long version = 1) =>
        StoredRows.Of(ResourceSchema.Group, tenant, id, $$"""{"displayName":"{{displayName}}"}""", version);
}
