using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;
using Orleans.Hosting;
using Scim.Grains.Storage;
using Scim.Grains.Storage.Postgres;
using Scim.Grains.Storage.Postgres.Migrations;

namespace Scim.Grains;

/// <summary>Registers the grains' services on a silo.</summary>
public static class ScimGrainsHostingExtensions
{
    /// <summary>The ADO.NET invariant of PostgreSQL for the Orleans providers.</summary>
    public const string PostgresInvariant = "Npgsql";

    /// <summary>Single-node storage: resources in process memory, small grain state in Orleans memory storage.</summary>
    public static ISiloBuilder AddScimInMemoryStorage(this ISiloBuilder silo)
    {
        silo.Services.TryAddSingleton<IResourceStore, InMemoryResourceStore>();
        silo.Services.TryAddSingleton(TimeProvider.System);
        return silo.AddMemoryGrainStorage(ScimStorage.Name);
    }

    /// <summary>
    /// Cluster storage on PostgreSQL: resources and memberships in the SCIM tables through one data source (pool of 32
    /// unless the connection string sets Maximum Pool Size), small grain state through Orleans ADO.NET persistence on
    /// <paramref name="orleansConnectionString"/>, serialized as System.Text.Json (no CLR type names in stored rows).
    /// Registers the <see cref="SchemaMigrator"/>, which the host must run before the silo starts.
    /// </summary>
    public static ISiloBuilder AddScimPostgresStorage(this ISiloBuilder silo, string connectionString, string orleansConnectionString)
    {
        silo.Services.TryAddSingleton(_ => CreateDataSource(connectionString));
        silo.Services.TryAddSingleton<IResourceStore, PostgresResourceStore>();
        silo.Services.TryAddSingleton<SchemaMigrator>();
        silo.Services.TryAddSingleton(TimeProvider.System);
        silo.UseSystemTextJsonGrainStorageSerializer();
        return silo.AddAdoNetGrainStorage(ScimStorage.Name, options =>
        {
            options.Invariant = PostgresInvariant;
            options.ConnectionString = orleansConnectionString;
        });
    }

    private static NpgsqlDataSource CreateDataSource(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!connectionString.Contains("Pool Size", StringComparison.OrdinalIgnoreCase)) builder.MaxPoolSize = 32;
        return NpgsqlDataSource.Create(builder.ConnectionString);
    }
}
