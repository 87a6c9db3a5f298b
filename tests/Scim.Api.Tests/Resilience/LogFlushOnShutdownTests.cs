using System.Net;
using Npgsql;
using Scim.Api.Tests.Infrastructure;

namespace Scim.Api.Tests.Resilience;

/// <summary>A clean shutdown writes the provisioning log entries still queued: none of the requests answered is missing.</summary>
public sealed class LogFlushOnShutdownTests
{
    private const int Requests = 300;

    [Fact]
    public async Task StoppingTheServiceCleanly_WritesEveryQueuedLogEntry()
    {
        var service = new CountingFactory();
        var scim = await service.NewTenantAsync(keepOwner: true);
        service.Tenant = scim.Tenant;

        var answered = await Task.WhenAll(Enumerable.Range(0, Requests).Select(_ => scim.GetAsync("/ServiceProviderConfig")));
        await service.DisposeAsync();

        Assert.All(answered, r => Assert.Equal(HttpStatusCode.OK, r.Status));
        Assert.Equal(Requests, service.Logged);
    }

    /// <summary>Counts the tenant's log rows in the database once the service has stopped.</summary>
    private sealed class CountingFactory : PostgresApiFactory
    {
        public string Tenant { get; set; } = "";

        public long Logged { get; private set; }

        protected override async Task OnStoppedAsync(string connectionString)
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            await using var count = new NpgsqlCommand("SELECT count(*) FROM scim_provisioning_log WHERE tenant = $1", connection);
            count.Parameters.Add(new NpgsqlParameter { Value = Tenant });
            Logged = (long)(await count.ExecuteScalarAsync())!;
        }
    }
}
