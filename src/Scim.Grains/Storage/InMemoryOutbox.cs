using Scim.Grains.Documents;
using Scim.Grains.Interfaces.Platform;

namespace Scim.Grains.Storage;

/// <summary>
/// The single-node outbox: every tenant's owed e-mails behind one lock. The store adds a message while it holds the
/// creating tenant's lock, so the message and the row appear together; nothing here takes a tenant's lock. The queued
/// messages are kept in the order they fall due, so a claim reads only the few it takes (and those under a live lease)
/// however long the queue: a first sync mails its users for hours, and creates wait on this lock meanwhile. Each user's
/// newest message is kept for the admin API.
/// </summary>
internal sealed class InMemoryOutbox
{
    private readonly Lock gate = new();
    private readonly Dictionary<(string Tenant, string Id), Entry> queued = [];
    private readonly SortedSet<Entry> byDue = new(DueOrder.Instance);
    private readonly Dictionary<(string Tenant, string UserId), Entry> newest = [];

    public void Add(OutboxMessage message)
    {
        var entry = new Entry(message, message.Created);
        lock (gate)
        {
            if (queued.Remove((message.Tenant, message.Id), out var replaced)) byDue.Remove(replaced);
            queued[(message.Tenant, message.Id)] = entry;
            byDue.Add(entry);
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
            foreach (var entry in byDue)
            {
                if (claimed.Count == max || entry.Due > now) break;
                if (entry.LeaseUntil > now) continue;
                entry.LeaseUntil = leaseUntil;
                entry.Message = entry.Message with { Attempts = entry.Message.Attempts + 1 };
                claimed.Add(entry.Message);
            }
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
            // Out of the order while it changes: a retry moves its due time.
            byDue.Remove(entry);
            change(entry);
            if (entry.Status == MailStatus.Queued) byDue.Add(entry);
            else queued.Remove((message.Tenant, message.Id));
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

    /// <summary>Due time first; the message's key makes each entry's place its own.</summary>
    private sealed class DueOrder : IComparer<Entry>
    {
        public static readonly DueOrder Instance = new();

        public int Compare(Entry? x, Entry? y)
        {
            if (ReferenceEquals(x, y)) return 0;
            if (x is null || y is null) return x is null ? -1 : 1;
            var order = x.Due.CompareTo(y.Due);
            if (order == 0) order = string.CompareOrdinal(x.Message.Tenant, y.Message.Tenant);
            return order != 0 ? order : string.CompareOrdinal(x.Message.Id, y.Message.Id);
        }
    }
}
