using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Orleans.Configuration;
using Orleans.TestingHost;
using Scim.Grains.Mail;
using Scim.Grains.Storage.Postgres.Migrations;
using Scim.Testing;

namespace Scim.Grains.Tests.Grains;

/// <summary>
/// A 2-silo TestCluster as production runs it: real ADO.NET membership and PostgreSQL storage on a fresh database
/// (migrated first), with failure detection tightened so that a killed silo is declared dead in seconds.
/// </summary>
public sealed class PostgresCluster : IAsyncDisposable
{
    private const string ConnectionKey = "ConnectionStrings:Scim";

    private readonly bool ownsDatabase;

    private PostgresCluster(TestCluster cluster, TestDatabase database, bool ownsDatabase)
    {
        Cluster = cluster;
        Database = database;
        this.ownsDatabase = ownsDatabase;
    }

    public TestCluster Cluster { get; }

    public TestDatabase Database { get; }

    /// <summary>Starts a cluster on a fresh database, or on <paramref name="existing"/> (a restart: its data stays, and so does the database after).</summary>
    public static async Task<PostgresCluster> StartAsync(TestDatabase? existing = null)
    {
        var database = existing ?? TestDatabase.Create();
        await using (var dataSource = NpgsqlDataSource.Create(database.ConnectionString))
            await new SchemaMigrator(dataSource, NullLogger<SchemaMigrator>.Instance).MigrateAsync(CancellationToken.None);
        var builder = new TestClusterBuilder(2);
        builder.Options.UseTestClusterMembership = false;
        builder.Properties[ConnectionKey] = database.ConnectionString;
        builder.AddSiloBuilderConfigurator<SiloConfigurator>();
        builder.AddClientBuilderConfigurator<ClientConfigurator>();
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return new PostgresCluster(cluster, database, ownsDatabase: existing is null);
    }

    public async ValueTask DisposeAsync()
    {
        await Cluster.DisposeAsync();
        if (ownsDatabase) Database.Drop();
    }

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder silo)
        {
            var connectionString = silo.Configuration[ConnectionKey]!;
            silo.UseAdoNetClustering(options =>
            {
                options.Invariant = ScimGrainsHostingExtensions.PostgresInvariant;
                options.ConnectionString = connectionString;
            });
            silo.Configure<ClusterMembershipOptions>(options =>
            {
                options.ProbeTimeout = TimeSpan.FromSeconds(1);
                options.NumMissedProbesLimit = 2;
                options.NumVotesForDeathDeclaration = 1;
            });
            // Calls caught on a killed silo fail after this instead of the default 30 s (still ample for a loaded CI machine).
            silo.Configure<SiloMessagingOptions>(options => options.ResponseTimeout = TimeSpan.FromSeconds(10));
            // Mail is recorded, not sent; claims of a killed silo come back in seconds, and nothing paces the dispatchers.
            silo.Services.AddSingleton<IMailSender>(RecordingMailSender.Shared);
            silo.Services.PostConfigure<MailOptions>(options => (options.LeaseSeconds, options.MaxPerSecond) = (5, 1000));
            silo.AddScimPostgresStorage(connectionString, connectionString);
        }
    }

    private sealed class ClientConfigurator : IClientBuilderConfigurator
    {
        public void Configure(IConfiguration configuration, IClientBuilder client)
        {
            client.UseAdoNetClustering(options =>
            {
                options.Invariant = ScimGrainsHostingExtensions.PostgresInvariant;
                options.ConnectionString = configuration[ConnectionKey]!;
            });
            client.Configure<ClientMessagingOptions>(options => options.ResponseTimeout = TimeSpan.FromSeconds(10));
        }
    }
}
