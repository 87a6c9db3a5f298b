using Scim.Testing;

namespace Scim.Api.Tests.Infrastructure;

/// <summary>
/// Cluster mode on PostgreSQL: ADO.NET membership, PostgreSQL storage, migrations at start, in a database of its own
/// on the server the test command started.
/// </summary>
public class PostgresApiFactory : ScimApiFactory
{
    private readonly TestDatabase database = TestDatabase.Create();

    public override string Backend => "postgres";

    /// <summary>The connection string the service uses (a subclass may route it through a proxy).</summary>
    protected virtual string ServiceConnectionString => database.ConnectionString;

    protected TestDatabase Database => database;

    /// <summary>The service's database, for tests that look at what it stores.</summary>
    public string DatabaseConnectionString => database.ConnectionString;

    protected override IEnumerable<KeyValuePair<string, string>> BackendSettings() =>
    [
        new("ConnectionStrings:Scim", ServiceConnectionString),
        new("Orleans:ClusterId", "test-" + Guid.NewGuid().ToString("N")[..8]),
        new("Orleans:AdvertisedIPAddress", "127.0.0.1"),
    ];

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await OnStoppedAsync(database.ConnectionString);
        database.Drop();
    }

    /// <summary>Runs once the service has stopped cleanly, before its database is dropped.</summary>
    protected virtual Task OnStoppedAsync(string connectionString) => Task.CompletedTask;
}
