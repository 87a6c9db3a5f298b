using Scim.Grains.Documents;
using Scim.Grains.Interfaces.Platform;

namespace Scim.Grains.Storage;

/// <summary>
/// The single-node outbox: every tenant's owed e-mails behind one lock. The store adds a message while it holds the
/// creating tenant's lock, so the message and the row appear together; nothing here takes a tenant's lock.
/// </summary>
internal sealed class InMemoryOutbox
{
    private readonly Lock gate = new();
    private readonly Dictionary<(string Tenant, string Id), Entry> entries = [];

    public void Add(OutboxMessage message)
    {
        lock (gate) entries[(message.Tenant, message.Id)] = new Entry(message, message.Created);
    }

    public MailState? Latest(string tenant, string userId)
    {
        lock (gate)
        {
            var latest = entries.Values.Where(e => e.Message.Tenant == tenant && e.Message.UserId == userId).MaxBy(e => e.Message.Created);
            return latest is null ? null : new MailState(latest.Message.Kind, latest.Status, latest.Message.Attempts, latest.Message.Created,
                latest.Status == MailStatus.Sent ? latest.At : null, latest.Status == MailStatus.Failed ? latest.At : null, latest.Error);
        }
    }

    public IReadOnlyList<OutboxMessage> Claim(int max, DateTimeOffset now, TimeSpan lease)
    {
        lock (gate)
        {
            var due = entries.Values.Where(e => e.Status == MailStatus.Queued && e.Due <= now && !(e.LeaseUntil > now))
                .OrderBy(e => e.Due).Take(max).ToList();
            foreach (var entry in due)
            {
                entry.LeaseUntil = now + lease;
                entry.Message = entry.Message with { Attempts = entry.Message.Attempts + 1 };
            }
            return due.Select(e => e.Message).ToList();
        }
    }

    public void Update(OutboxMessage message, Action<Entry> change)
    {
        lock (gate)
        {
            if (entries.TryGetValue((message.Tenant, message.Id), out var entry)) change(entry);
        }
    }

    public sealed class Entry(OutboxMessage message, DateTimeOffset due)
    {
        public OutboxMessage Message { get; set; } = message;
        public MailStatus Status { get; set; }
        public DateTimeOffset Due { get; set; } = due;
        public DateTimeOffset? LeaseUntil { get; set; }
        public DateTimeOffset? At { get; set; }
        public string? Error { get; set; }
    }
}
