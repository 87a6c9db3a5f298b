using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Scim.Grains.Storage.Postgres;
using Scim.Grains.Storage.Postgres.Migrations;
using Scim.Testing;

namespace Scim.Grains.Tests.Storage;

/// <summary>A fresh database at the schema of this build, with a data source on it; dropped when disposed.</summary>
internal sealed class MigratedDatabase : IAsyncDisposable
{
    private readonly TestDatabase database = TestDatabase.Create();

    private MigratedDatabase()
    {
        DataSource = PostgresDataSources.Create(database.ConnectionString);
        GenericPlans = PostgresDataSources.CreateGenericPlans(database.ConnectionString);
    }

    /// <summary>The store's pool, as the silo makes it.</summary>
    public NpgsqlDataSource DataSource { get; }

    public string ConnectionString => database.ConnectionString;

    /// <summary>The pool of connections that always run a statement's generic plan, as the silo makes it.</summary>
    public NpgsqlDataSource GenericPlans { get; }

    /// <summary>A resource store on this database, with the pools the silo gives it.</summary>
    public PostgresResourceStore Store() => new(DataSource, GenericPlans);

    public static async Task<MigratedDatabase> CreateAsync()
    {
        var migrated = new MigratedDatabase();
        await new SchemaMigrator(migrated.DataSource, NullLogger<SchemaMigrator>.Instance).MigrateAsync(CancellationToken.None);
        return migrated;
    }

    public async ValueTask DisposeAsync()
    {
        await DataSource.DisposeAsync();
        await GenericPlans.DisposeAsync();
        database.Drop();
    }
}
