using System.Net;
using System.Text.Json.Nodes;
using Npgsql;
using Scim.Api.Tests.Infrastructure;
using Scim.Testing;

namespace Scim.Api.Tests.Resilience;

/// <summary>The service on PostgreSQL, reached through a proxy the test can cut: the database goes away and comes back.</summary>
public sealed class DatabaseOutageTests(DatabaseOutageTests.OutageFactory factory) : IClassFixture<DatabaseOutageTests.OutageFactory>
{
    [Fact]
    public async Task DatabaseUnavailable_Answers503WithScimError_AndRecoversWithoutRestart_KeepingTheLogOfTheOutage()
    {
        var scim = await factory.NewTenantAsync(keepOwner: true);
        await scim.CreateUserAsync("before.outage");
        using var client = factory.CreateClient();

        factory.Proxy.Cut();
        var list = await scim.GetAsync("/Users?filter=userName eq \"before.outage\"");
        var create = await scim.PostAsync("/Users", """{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"during.outage"}""");
        var ready = await client.GetAsync("/readyz");
        // A tenant whose token set is not in memory yet: its state must be read from the database first.
        var unloaded = await new ScimClient(client, "t-" + Guid.NewGuid().ToString("N")[..12], scim.Token).GetAsync("/Users");

        list.AssertError(HttpStatusCode.ServiceUnavailable, null);
        create.AssertError(HttpStatusCode.ServiceUnavailable, null);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        unloaded.AssertError(HttpStatusCode.ServiceUnavailable, null);

        factory.Proxy.Restore();
        ScimResponse? after = null;
        for (var attempt = 0; attempt < 50 && after?.Status != HttpStatusCode.OK; attempt++)
        {
            if (attempt > 0) await Task.Delay(200);
            after = await scim.GetAsync("/Users?filter=userName eq \"before.outage\"");
        }
        Assert.Equal(HttpStatusCode.OK, after!.Status);
        Assert.Equal(1, after.TotalResults);
        await scim.CreateUserAsync("after.outage");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/readyz")).StatusCode);
        // The requests refused during the outage were queued for the log and written once the database was back.
        using var platform = factory.PlatformAdmin(scim.AdminKey);
        var logged = 0;
        for (var attempt = 0; attempt < 100 && logged < 2; attempt++)
        {
            if (attempt > 0) await Task.Delay(200);
            var log = JsonNode.Parse(await platform.GetStringAsync($"/api/v1/tenants/{scim.Tenant}/scim/log?status=503"))!;
            logged = log["entries"]!.AsArray().Count;
        }
        Assert.Equal(2, logged);
    }

    /// <summary>The PostgreSQL backend with its connection string pointed at a <see cref="TcpProxy"/>.</summary>
    public sealed class OutageFactory : PostgresApiFactory
    {
        private TcpProxy? proxy;

        public TcpProxy Proxy => proxy ??= CreateProxy();

        protected override string ServiceConnectionString =>
            new NpgsqlConnectionStringBuilder(Database.ConnectionString) { Host = "127.0.0.1", Port = Proxy.Port, Timeout = 3 }.ConnectionString;

        private TcpProxy CreateProxy()
        {
            var target = new NpgsqlConnectionStringBuilder(Database.ConnectionString);
            return new TcpProxy(target.Host!, target.Port);
        }

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            if (proxy is not null) await proxy.DisposeAsync();
        }
    }
}
