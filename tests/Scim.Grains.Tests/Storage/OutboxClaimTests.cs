using Scim.Grains.Documents;
using Scim.Grains.Interfaces.Platform;
using Scim.Grains.Storage;

namespace Scim.Grains.Tests.Storage;

/// <summary>
/// What a dispatcher's claim takes from the outbox: the messages due soonest, no more than asked, none under another's
/// live lease, and none that was sent or given up.
/// </summary>
public sealed class OutboxClaimTests() : BothStoresTests("claims")
{
    private static readonly DateTimeOffset Start = new(2026, 12, 5, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    [Theory]
    [InlineData("postgres")]
    [InlineData("in-memory")]
    public async Task Claims_TakeTheMessagesDueSoonestFirst_AndNoMoreThanAsked(string kind)
    {
        var outbox = OutboxOf(Store(kind));
        foreach (var second in new[] { 4, 1, 3, 0, 2 }) await EnqueueAsync(outbox, $"due{second}", Start.AddSeconds(second));
        var now = Start.AddMinutes(1);

        var first = await outbox.ClaimAsync(3, now, now + Lease, CancellationToken.None);
        var rest = await outbox.ClaimAsync(10, now, now + Lease, CancellationToken.None);

        Assert.Equal(["due0", "due1", "due2"], first.Select(m => m.UserId));
        Assert.Equal(["due3", "due4"], rest.Select(m => m.UserId));
    }

    [Theory]
    [InlineData("postgres")]
    [InlineData("in-memory")]
    public async Task ARetriedMessage_IsClaimedAgainAtItsNewDueTime_AfterThoseDueBefore(string kind)
    {
        var outbox = OutboxOf(Store(kind));
        await EnqueueAsync(outbox, "retried", Start);
        await EnqueueAsync(outbox, "waiting", Start.AddSeconds(1));
        await EnqueueAsync(outbox, "later", Start.AddSeconds(20));
        var tried = Assert.Single(await outbox.ClaimAsync(1, Start.AddSeconds(2), Start.AddSeconds(2) + Lease, CancellationToken.None));

        await outbox.RetryAsync(tried, Start.AddSeconds(30), "the relay said wait", CancellationToken.None);
        var beforeItsDueTime = await outbox.ClaimAsync(10, Start.AddSeconds(25), Start.AddSeconds(25) + Lease, CancellationToken.None);
        var atItsDueTime = await outbox.ClaimAsync(10, Start.AddSeconds(30), Start.AddSeconds(30) + Lease, CancellationToken.None);

        Assert.Equal("retried", tried.UserId);
        Assert.Equal(["waiting", "later"], beforeItsDueTime.Select(m => m.UserId));
        Assert.Equal(("retried", 2), (Assert.Single(atItsDueTime).UserId, atItsDueTime[0].Attempts));
    }

    [Theory]
    [InlineData("postgres")]
    [InlineData("in-memory")]
    public async Task AClaimedMessage_IsClaimedAgainOnlyOnceItsLeaseRanOut_AndNeverOnceSentOrGivenUp(string kind)
    {
        var outbox = OutboxOf(Store(kind));
        foreach (var (user, second) in new[] { ("sent", 0), ("failed", 1), ("lapsed", 2) }) await EnqueueAsync(outbox, user, Start.AddSeconds(second));
        var claimed = await outbox.ClaimAsync(10, Start.AddSeconds(5), Start.AddSeconds(5) + Lease, CancellationToken.None);
        await outbox.MarkSentAsync(claimed.Single(m => m.UserId == "sent"), Start.AddSeconds(6), CancellationToken.None);
        await outbox.MarkFailedAsync(claimed.Single(m => m.UserId == "failed"), Start.AddSeconds(6), "no such mailbox", CancellationToken.None);

        var underTheLease = await outbox.ClaimAsync(10, Start.AddSeconds(10), Start.AddSeconds(10) + Lease, CancellationToken.None);
        var afterIt = Start.AddSeconds(5) + Lease;
        var lapsed = await outbox.ClaimAsync(10, afterIt, afterIt + Lease, CancellationToken.None);

        Assert.Equal(3, claimed.Count);
        Assert.Empty(underTheLease);
        Assert.Equal(("lapsed", 2), (Assert.Single(lapsed).UserId, lapsed[0].Attempts));
    }

    private Task EnqueueAsync(IOutboxStore outbox, string userId, DateTimeOffset due) =>
        outbox.EnqueueAsync(OutboxMessage.New(Tenant, userId, MailKind.TemporaryPassword, due), CancellationToken.None);
}
