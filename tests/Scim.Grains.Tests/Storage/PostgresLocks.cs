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

    /// <summary>
    /// Locks the resources table in <paramref name="mode"/> (SHARE stops writes, ACCESS EXCLUSIVE reads too) on a
    /// connection of its own until the returned lock is released (rolled back).
    /// </summary>
    public static async Task<TableLock> HoldResourcesAsync(NpgsqlDataSource dataSource, string mode)
    {
        var connection = await dataSource.OpenConnectionAsync();
        var transaction = await connection.BeginTransactionAsync();
        await using (var locking = new NpgsqlCommand($"LOCK TABLE scim_resources IN {mode} MODE", connection, transaction)) await locking.ExecuteNonQueryAsync();
        return new TableLock(connection, transaction);
    }

    /// <summary>How many sessions of the database wait for a lock now.</summary>
    public static async Task<long> BlockedAsync(NpgsqlDataSource dataSource)
    {
        await using var command = dataSource.CreateCommand("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'");
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>A table lock held by a transaction of its own; released when rolled back or disposed.</summary>
    public sealed class TableLock(NpgsqlConnection connection, NpgsqlTransaction transaction) : IAsyncDisposable
    {
        public Task ReleaseAsync() => transaction.RollbackAsync();

        public async ValueTask DisposeAsync()
        {
            await transaction.DisposeAsync();
            await connection.DisposeAsync();
        }
    }
}
