using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;
using Orleans.Hosting;
using Scim.Grains.Storage;
using Scim.Grains.Storage.Postgres;

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
    /// Cluster storage on PostgreSQL: resources and memberships in the SCIM tables through one shared data source, small
    /// grain state through Orleans ADO.NET persistence, serialized as System.Text.Json (no CLR type names in stored rows).
    /// The schema must exist: the silo host runs the migrations before the silo starts.
    /// </summary>
    public static ISiloBuilder AddScimPostgresStorage(this ISiloBuilder silo, NpgsqlDataSource dataSource)
    {
        silo.Services.TryAddSingleton(dataSource);
        silo.Services.TryAddSingleton<IResourceStore, PostgresResourceStore>();
        silo.Services.TryAddSingleton(TimeProvider.System);
        silo.UseSystemTextJsonGrainStorageSerializer();
        return silo.AddAdoNetGrainStorage(ScimStorage.Name, options =>
        {
            options.Invariant = PostgresInvariant;
            options.ConnectionString = dataSource.ConnectionString;
        });
    }
}
