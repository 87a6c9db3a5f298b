using Scim.Grains.Documents;
using Scim.Grains.Interfaces.Platform;
using Scim.Grains.Storage;
using Scim.Grains.Storage.Postgres;

namespace Scim.Grains.Tests.Storage;

/// <summary>A dispatcher hands back what it has not tried; a message another dispatcher has claimed since is not its to hand back.</summary>
public sealed class OutboxReleaseTests
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);

    [Fact]
    public Task AReleaseUnderTheLapsedClaim_LeavesTheNewClaimAlone_InMemory() => LeavesTheNewClaimAloneAsync(new InMemoryResourceStore());

    [Fact]
    public async Task AReleaseUnderTheLapsedClaim_LeavesTheNewClaimAlone_OnPostgres()
    {
        await using var database = await MigratedDatabase.CreateAsync();
        await LeavesTheNewClaimAloneAsync(new PostgresOutboxStore(database.DataSource));
    }

    private static async Task LeavesTheNewClaimAloneAsync(IOutboxStore outbox)
    {
        var tenant = "r-" + Guid.NewGuid().ToString("N")[..10];
        var start = DateTimeOffset.UtcNow;
        await outbox.EnqueueAsync(OutboxMessage.New(tenant, "user", MailKind.TemporaryPassword, start), CancellationToken.None);
        var first = await outbox.ClaimAsync(10, start, start + Lease, CancellationToken.None);
        // The first claim lapses and a second dispatcher takes the message.
        var later = start + Lease + TimeSpan.FromSeconds(1);
        var second = await outbox.ClaimAsync(10, later, later + Lease, CancellationToken.None);

        await outbox.ReleaseAsync(first, start + Lease, CancellationToken.None);
        var whileSecondHoldsIt = await outbox.ClaimAsync(10, later + TimeSpan.FromSeconds(1), later + Lease, CancellationToken.None);
        await outbox.ReleaseAsync(second, later + Lease, CancellationToken.None);
        var released = await outbox.ClaimAsync(10, later + TimeSpan.FromSeconds(1), later + Lease, CancellationToken.None);

        Assert.Single(first);
        Assert.Single(second);
        Assert.Empty(whileSecondHoldsIt);
        // Two claims that took it, one handed back untried: this claim is its second attempt.
        Assert.Equal(2, Assert.Single(released).Attempts);
    }
}
