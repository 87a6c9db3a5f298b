using Npgsql;

namespace Scim.Testing;

/// <summary>
/// A fresh database on the PostgreSQL server named by <c>SCIM_POSTGRES</c> (set by scripts/test.sh, which starts a
/// throwaway server). Without it the PostgreSQL tests fail, never skip.
/// </summary>
public sealed class TestDatabase
{
    public const string Variable = "SCIM_POSTGRES";

    private readonly string admin;
    private readonly string name;

    private TestDatabase(string admin, string name, string connectionString)
    {
        this.admin = admin;
        this.name = name;
        ConnectionString = connectionString;
    }

    public string ConnectionString { get; }

    public static TestDatabase Create()
    {
        var admin = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(admin))
            throw new InvalidOperationException($"{Variable} is not set: run the tests with scripts/test.sh, which starts PostgreSQL.");
        var name = "scim_test_" + Guid.NewGuid().ToString("N")[..12];
        Execute(admin, $"CREATE DATABASE {name}");
        var connectionString = new NpgsqlConnectionStringBuilder(admin) { Database = name, MaxPoolSize = 20 }.ConnectionString;
        return new TestDatabase(admin, name, connectionString);
    }

    public void Drop()
    {
        NpgsqlConnection.ClearAllPools();
        Execute(admin, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
    }

    private static void Execute(string connectionString, string sql)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
