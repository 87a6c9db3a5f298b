namespace Scim.Grains.Storage;

/// <summary>How far the outbox is behind: messages still queued, and when the oldest of them was written (null when none).</summary>
public sealed record OutboxBacklog(long Queued, DateTimeOffset? OldestCreated);
