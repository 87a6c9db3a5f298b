using Npgsql;

namespace Scim.Grains.Tests.Storage;

/// <summary>For tests that hold a lock on a connection of their own to stop a write at a known point.</summary>
internal static class PostgresLocks
{
    /// <summary>
    /// Waits until <paramref name="expected"/> sessions of the database wait for a lock. It asks on a connection of its
    /// own: inside a transaction, <c>pg_stat_activity</c> is read once and kept.
    /// </summary>
    public static async Task WaitUntilBlockedAsync(NpgsqlDataSource dataSource, int expected)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            if (await BlockedAsync(dataSource) >= expected) return;
            await Task.Delay(50);
        }
        Assert.Fail($"{expected} session(s) never came to wait for a lock.");
    }

    /// <summary>How many sessions of the database wait for a lock now.</summary>
    public static async Task<long> BlockedAsync(NpgsqlDataSource dataSource)
    {
        await using var command = dataSource.CreateCommand("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'");
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
