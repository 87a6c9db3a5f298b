using Microsoft.Extensions.Options;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;
using Orleans.Storage;
using Scim.Grains.Mail;
using Scim.Grains.Platform;
using Scim.Grains.Resources;
using Scim.Grains.Schemas;
using Scim.Grains.Storage;
using Scim.Grains.Storage.Postgres;
using Scim.Grains.Storage.Postgres.Migrations;
using Scim.Grains.Telemetry;

namespace Scim.Grains;

/// <summary>Registers the grains' services on a silo.</summary>
public static class ScimGrainsHostingExtensions
{
    /// <summary>The ADO.NET invariant of PostgreSQL for the Orleans providers.</summary>
    public const string PostgresInvariant = "Npgsql";

    /// <summary>Single-node storage: resources in process memory, small grain state in Orleans memory storage.</summary>
    public static ISiloBuilder AddScimInMemoryStorage(this ISiloBuilder silo)
    {
        AddStore<InMemoryResourceStore>(silo.Services);
        silo.Services.TryAddSingleton<IOutboxStore>(provider => provider.GetRequiredService<InMemoryResourceStore>());
        silo.Services.TryAddSingleton<IProvisioningLogStore, InMemoryProvisioningLogStore>();
        AddSharedServices(silo);
        return silo.AddMemoryGrainStorage(ScimStorage.Name);
    }

    /// <summary>
    /// Cluster storage on PostgreSQL: resources and memberships in the SCIM tables through the store's pools
    /// (<see cref="PostgresDataSources"/>), small grain state through Orleans ADO.NET persistence on
    /// <paramref name="orleansConnectionString"/>, serialized as System.Text.Json (no CLR type names in stored rows).
    /// Registers the <see cref="SchemaMigrator"/>, which the host must run before the silo starts.
    /// </summary>
    public static ISiloBuilder AddScimPostgresStorage(this ISiloBuilder silo, string connectionString, string orleansConnectionString)
    {
        silo.Services.TryAddSingleton(_ => PostgresDataSources.Create(connectionString));
        silo.Services.TryAddKeyedSingleton(PostgresDataSources.GenericPlansKey, (_, _) => PostgresDataSources.CreateGenericPlans(connectionString));
        AddStore<PostgresResourceStore>(silo.Services);
        silo.Services.TryAddSingleton<IOutboxStore, PostgresOutboxStore>();
        silo.Services.TryAddSingleton<IProvisioningLogStore, PostgresProvisioningLogStore>();
        silo.Services.TryAddSingleton<SchemaMigrator>();
        AddSharedServices(silo);
        silo.UseSystemTextJsonGrainStorageSerializer();
        const string adoNet = ScimStorage.Name + ".adonet";
        silo.AddAdoNetGrainStorage(adoNet, options =>
        {
            options.Invariant = PostgresInvariant;
            options.ConnectionString = orleansConnectionString;
        });
        silo.Services.AddKeyedSingleton<IGrainStorage>(ScimStorage.Name,
            (services, _) => new PostgresGrainStorage(services.GetRequiredKeyedService<IGrainStorage>(adoNet)));
        return silo;
    }

    private static void AddSharedServices(ISiloBuilder silo)
    {
        silo.Services.TryAddSingleton(TimeProvider.System);
        silo.Services.TryAddSingleton<TenantSchemas>();
        silo.Services.TryAddSingleton<GroupsEpochs>();
        silo.Services.TryAddSingleton<TenantSettings>();
        silo.Services.AddMetrics();
        silo.Services.TryAddSingleton<ProvisioningMetrics>();
        silo.Services.AddOptions<ProvisioningLogOptions>().Bind(silo.Configuration.GetSection(ProvisioningLogOptions.Section));
        silo.Services.AddOptions<SingleSignOnOptions>().Bind(silo.Configuration.GetSection(SingleSignOnOptions.Section));
        silo.Services.AddOptions<MailOptions>().Bind(silo.Configuration.GetSection(MailOptions.Section))
            .PostConfigure(options => options.PublicBaseUrl ??= silo.Configuration["Scim:PublicBaseUrl"]);
        silo.Services.TryAddSingleton<IMailSender>(provider => string.IsNullOrWhiteSpace(provider.GetRequiredService<IOptions<MailOptions>>().Value.Host)
            ? ActivatorUtilities.CreateInstance<PickupFolderMailSender>(provider)
            : ActivatorUtilities.CreateInstance<SmtpMailSender>(provider));
        silo.Services.AddHostedService<OutboxDispatcher>();
    }

    /// <summary>One store per backend serves the rows, the memberships and the tree (each write is one transaction across them).</summary>
    private static void AddStore<TStore>(IServiceCollection services) where TStore : class, IResourceStore, IMembershipStore, IGroupTreeStore
    {
        services.TryAddSingleton<TStore>();
        services.TryAddSingleton<IResourceStore>(provider => provider.GetRequiredService<TStore>());
        services.TryAddSingleton<IMembershipStore>(provider => provider.GetRequiredService<TStore>());
        services.TryAddSingleton<IGroupTreeStore>(provider => provider.GetRequiredService<TStore>());
    }
}
