using Scim.Grains.Documents;
using Scim.Grains.Interfaces.Platform;

namespace Scim.Grains.Storage;

/// <summary>
/// The single-node outbox: every tenant's owed e-mails behind one lock. The store adds a message while it holds the
/// creating tenant's lock, so the message and the row appear together; nothing here takes a tenant's lock. The queued
/// messages are kept in a heap by due time, so a claim reads only the few it takes (and those under a live lease)
/// however long the queue (a first sync mails its users for hours, and creates wait on this lock meanwhile), and a new
/// message, due after those before it, costs about one comparison. A place whose message was sent, given up or moved
/// by a retry is passed over when it comes up. Each user's newest message is kept for the admin API.
/// </summary>
internal sealed class InMemoryOutbox
{
    private readonly Lock gate = new();
    private readonly Dictionary<(string Tenant, string Id), Entry> queued = [];
    private readonly PriorityQueue<Entry, DateTimeOffset> byDue = new();
    private readonly Dictionary<(string Tenant, string UserId), Entry> newest = [];

    public void Add(OutboxMessage message)
    {
        var entry = new Entry(message, message.Created);
        lock (gate)
        {
            queued[(message.Tenant, message.Id)] = entry;
            byDue.Enqueue(entry, entry.Due);
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
            var claimed = new List<OutboxMessage>();
            var stillQueued = new List<Entry>();
            while (claimed.Count < max && byDue.TryPeek(out var entry, out var due) && due <= now)
            {
                byDue.Dequeue();
                if (!IsCurrent(entry, due)) continue;
                stillQueued.Add(entry);
                if (entry.LeaseUntil > now) continue;
                entry.LeaseUntil = leaseUntil;
                entry.Message = entry.Message with { Attempts = entry.Message.Attempts + 1 };
                claimed.Add(entry.Message);
            }
            // A claimed message stays queued until it is marked: should its lease run out, it is due again.
            foreach (var entry in stillQueued) byDue.Enqueue(entry, entry.Due);
            return claimed;
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
            var due = entry.Due;
            change(entry);
            if (entry.Status != MailStatus.Queued) queued.Remove((message.Tenant, message.Id));
            else if (entry.Due != due) byDue.Enqueue(entry, entry.Due);
        }
    }

    /// <summary>Whether a place taken from the heap is still its entry's: the entry still queued, and due when the place says.</summary>
    private bool IsCurrent(Entry entry, DateTimeOffset due) =>
        entry.Due == due && queued.TryGetValue((entry.Message.Tenant, entry.Message.Id), out var current) && ReferenceEquals(current, entry);

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
