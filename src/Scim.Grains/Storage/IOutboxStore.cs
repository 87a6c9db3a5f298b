using Scim.Grains.Documents;
using Scim.Grains.Interfaces.Platform;

namespace Scim.Grains.Storage;

/// <summary>
/// The outbox: e-mails owed, each claimed by one dispatcher at a time under a lease. A message written with a user's
/// creation goes in with <see cref="IResourceStore.InsertAsync"/>, in the same transaction; a claim whose lease ran out
/// (its dispatcher died between sending and marking) is due again, which is the one way a message can go out twice.
/// </summary>
public interface IOutboxStore
{
    /// <summary>Queues a message on its own (an admin's resend); one owed by a creation goes in with the user's row.</summary>
    Task EnqueueAsync(OutboxMessage message, CancellationToken cancellationToken);

    /// <summary>Where the newest message to each of the users stands; users never owed one are left out.</summary>
    Task<IReadOnlyDictionary<string, MailState>> LatestAsync(string tenant, IReadOnlyCollection<string> userIds, CancellationToken cancellationToken);

    /// <summary>Claims up to <paramref name="max"/> messages due at <paramref name="now"/>, until <paramref name="leaseUntil"/>.</summary>
    Task<IReadOnlyList<OutboxMessage>> ClaimAsync(int max, DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken cancellationToken);

    Task MarkSentAsync(OutboxMessage message, DateTimeOffset sentAt, CancellationToken cancellationToken);

    /// <summary>Releases a claimed message to be tried again at <paramref name="due"/>, keeping why the attempt failed.</summary>
    Task RetryAsync(OutboxMessage message, DateTimeOffset due, string error, CancellationToken cancellationToken);

    /// <summary>
    /// Hands claimed messages back untried: claimable again at once, their claim not counted as an attempt. Only those
    /// still under the claim that ends at <paramref name="leaseUntil"/>: one another dispatcher has claimed since stays its.
    /// </summary>
    Task ReleaseAsync(IReadOnlyList<OutboxMessage> messages, DateTimeOffset leaseUntil, CancellationToken cancellationToken);

    /// <summary>The messages still queued, every tenant's, and the oldest of them.</summary>
    Task<OutboxBacklog> BacklogAsync(CancellationToken cancellationToken);

    /// <summary>Gives a message up: it is not sent, and says why.</summary>
    Task MarkFailedAsync(OutboxMessage message, DateTimeOffset failedAt, string error, CancellationToken cancellationToken);
}
