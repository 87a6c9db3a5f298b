using Scim.Grains.Documents;
using Scim.Grains.Interfaces.Platform;

namespace Scim.Grains.Storage;

/// <summary>
/// The single-node outbox: every tenant's owed e-mails behind one lock. The store adds a message while it holds the
/// creating tenant's lock, so the message and the row appear together; nothing here takes a tenant's lock. A claim
/// looks only at the messages still queued, and each user's newest message is kept for the admin API.
/// </summary>
internal sealed class InMemoryOutbox
{
    private readonly Lock gate = new();
    private readonly Dictionary<(string Tenant, string Id), Entry> queued = [];
    private readonly Dictionary<(string Tenant, string UserId), Entry> newest = [];

    public void Add(OutboxMessage message)
    {
        var entry = new Entry(message, message.Created);
        lock (gate)
        {
            queued[(message.Tenant, message.Id)] = entry;
            newest[(message.Tenant, message.UserId)] = entry;
        }
    }

    public IReadOnlyDictionary<string, MailState> Latest(string tenant, IReadOnlyCollection<string> userIds)
    {
        lock (gate)
        {
            var found = new Dictionary<string, MailState>(StringComparer.Ordinal);
            foreach (var userId in userIds)
            {
                if (newest.GetValueOrDefault((tenant, userId)) is not { } entry) continue;
                found[userId] = new MailState(entry.Message.Kind, entry.Status, entry.Message.Attempts, entry.Message.Created,
                    entry.Status == MailStatus.Sent ? entry.At : null, entry.Status == MailStatus.Failed ? entry.At : null, entry.Error);
            }
            return found;
        }
    }

    public IReadOnlyList<OutboxMessage> Claim(int max, DateTimeOffset now, DateTimeOffset leaseUntil)
    {
        lock (gate)
        {
            var due = queued.Values.Where(e => e.Due <= now && !(e.LeaseUntil > now)).OrderBy(e => e.Due).Take(max).ToList();
            foreach (var entry in due)
            {
                entry.LeaseUntil = leaseUntil;
                entry.Message = entry.Message with { Attempts = entry.Message.Attempts + 1 };
            }
            return due.Select(e => e.Message).ToList();
        }
    }

    public OutboxBacklog Backlog()
    {
        lock (gate)
        {
            return new OutboxBacklog(queued.Count, queued.Count == 0 ? null : queued.Values.Min(e => e.Message.Created));
        }
    }

    /// <summary>Changes a queued message; one that leaves the queue (sent or failed) is looked at no more by claims.</summary>
    public void Update(OutboxMessage message, Action<Entry> change)
    {
        lock (gate)
        {
            if (!queued.TryGetValue((message.Tenant, message.Id), out var entry)) return;
            change(entry);
            if (entry.Status != MailStatus.Queued) queued.Remove((message.Tenant, message.Id));
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
