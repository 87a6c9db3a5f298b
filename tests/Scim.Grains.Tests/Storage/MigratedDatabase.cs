using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Scim.Grains.Storage.Postgres.Migrations;
using Scim.Testing;

namespace Scim.Grains.Tests.Storage;

/// <summary>A fresh database at the schema of this build, with a data source on it; dropped when disposed.</summary>
internal sealed class MigratedDatabase : IAsyncDisposable
{
    private readonly TestDatabase database = TestDatabase.Create();

    private MigratedDatabase() => DataSource = NpgsqlDataSource.Create(database.ConnectionString);

    public NpgsqlDataSource DataSource { get; }

    public static async Task<MigratedDatabase> CreateAsync()
    {
        var migrated = new MigratedDatabase();
        await new SchemaMigrator(migrated.DataSource, NullLogger<SchemaMigrator>.Instance).MigrateAsync(CancellationToken.None);
        return migrated;
    }

    public async ValueTask DisposeAsync()
    {
        await DataSource.DisposeAsync();
        database.Drop();
    }
}
