using Scim.Grains.Storage.Postgres.Migrations;

namespace Scim.Silo.Hosting;

/// <summary>Runs the migrations when the host starts, before the silo (registered after it) joins the cluster.</summary>
public sealed class MigrationService(SchemaMigrator migrator) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => migrator.MigrateAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
