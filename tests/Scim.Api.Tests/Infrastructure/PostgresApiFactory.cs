namespace Scim.Api.Tests.Infrastructure;

/// <summary>
/// Cluster mode on PostgreSQL: ADO.NET membership, PostgreSQL storage, migrations at start, in a database of its own
/// on the server the test command started.
/// </summary>
public sealed class PostgresApiFactory : ScimApiFactory
{
    private readonly TestDatabase database = TestDatabase.Create();

    public override string Backend => "postgres";

    public string ConnectionString => database.ConnectionString;

    protected override IEnumerable<KeyValuePair<string, string>> BackendSettings() =>
    [
        new("ConnectionStrings:Scim", database.ConnectionString),
        new("Orleans:ClusterId", "test-" + Guid.NewGuid().ToString("N")[..8]),
        new("Orleans:AdvertisedIPAddress", "127.0.0.1"),
    ];

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        database.Drop();
    }
}
