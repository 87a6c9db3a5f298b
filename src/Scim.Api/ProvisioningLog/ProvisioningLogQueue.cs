using System.Threading.Channels;
using Scim.Api.Telemetry;

namespace Scim.Api.ProvisioningLog;

/// <summary>
/// Finished SCIM requests on their way to the log: a bounded queue the request path only ever tries to write to, so a
/// slow or unavailable log never slows a request. Bodies kept for reading attribute names share a byte budget; past it
/// an entry is still logged, without its attribute names.
/// </summary>
public sealed class ProvisioningLogQueue
{
    public const int Capacity = 50_000;
    private const long BodyBudgetChars = 32L * 1024 * 1024;
    private readonly Channel<PendingLogEntry> channel = Channel.CreateBounded<PendingLogEntry>(
        new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });
    private long bodyChars;
    private long dropped;
    private long unreadable;

    public ProvisioningLogQueue(ApiMetrics metrics) => metrics.ObserveProvisioningLog(() => channel.Reader.Count, () => Dropped);

    public ChannelReader<PendingLogEntry> Reader => channel.Reader;

    /// <summary>Entries not logged because the queue was full (the writer could not keep up or the store was down).</summary>
    public long Dropped => Interlocked.Read(ref dropped);

    /// <summary>Entries logged without attribute names because their bodies could not be read.</summary>
    public long Unreadable => Interlocked.Read(ref unreadable);

    public void CountUnreadable() => Interlocked.Increment(ref unreadable);

    public void Enqueue(PendingLogEntry entry)
    {
        if (entry.Body is { } body && Interlocked.Add(ref bodyChars, body.Length) > BodyBudgetChars)
        {
            Interlocked.Add(ref bodyChars, -body.Length);
            entry = entry with { Body = null };
        }
        if (!channel.Writer.TryWrite(entry))
        {
            Release(entry);
            Interlocked.Increment(ref dropped);
        }
    }

    /// <summary>Called by the writer once it has read an entry's body.</summary>
    public void Release(PendingLogEntry entry)
    {
        if (entry.Body is { } body) Interlocked.Add(ref bodyChars, -body.Length);
    }

    public void Complete() => channel.Writer.TryComplete();
}
