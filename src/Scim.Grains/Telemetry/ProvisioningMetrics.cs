using System.Diagnostics;
using System.Diagnostics.Metrics;
using Scim.Grains.Interfaces.Groups;
using Scim.Grains.Interfaces.Resources;

namespace Scim.Grains.Telemetry;

/// <summary>
/// The silo's own instruments (meter <c>Scim.Grains</c>): what provisioning changed and how the outbox keeps up.
/// Labels are low-cardinality: resource type, change, membership source, outcome; never a tenant.
/// </summary>
public sealed class ProvisioningMetrics
{
    public const string MeterName = "Scim.Grains";

    /// <summary>
    /// The silo's own spans: a grain call of a kept trace (<see cref="TracedGrainCalls"/>), and an outbox message taken up
    /// and sent (a trace of its own, as the request that queued it has ended).
    /// </summary>
    public static readonly ActivitySource Activities = new(MeterName);

    // The first label's values are the enum's names in the order of its values, which index the grid.
    private readonly CountGrid resourcesChanged =
        new("scim.resource_type", Enum.GetNames<ResourceKind>(), "scim.change", ["created", "replaced", "patched", "deleted"]);
    private readonly CountGrid membershipsChanged = new("scim.membership.source",
        [.. Enum.GetNames<MembershipSource>().Select(name => name.ToLowerInvariant())], "scim.change", ["added", "removed", "replaced"]);
    private readonly Counter<long> mailSent;
    private readonly Counter<long> mailFailures;
    private long outboxDepth;
    private double outboxOldestAge;

    public ProvisioningMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        meter.CreateObservableCounter("scim.resources.changed", resourcesChanged.Observe, "{resource}",
            "Users and groups written, by resource type and change (created, replaced, patched, deleted).");
        meter.CreateObservableCounter("scim.memberships.changed", membershipsChanged.Observe, "{membership}",
            "Group memberships written, by source (scim, manual) and change (added, removed; replaced counts the members a full replace set).");
        mailSent = meter.CreateCounter<long>("scim.outbox.sent", "{message}", "E-mails the outbox sent.");
        mailFailures = meter.CreateCounter<long>("scim.outbox.failures", "{message}",
            "E-mail attempts that failed, by outcome: retried (a transient failure) or given_up (refused, or out of retries).");
        meter.CreateObservableGauge("scim.outbox.depth", () => Interlocked.Read(ref outboxDepth), "{message}",
            "E-mails queued and not yet sent, cluster-wide, as this silo last counted them (take the maximum across silos).");
        meter.CreateObservableGauge("scim.outbox.oldest_age", () => Volatile.Read(ref outboxOldestAge), "s",
            "How long the oldest queued e-mail has waited, cluster-wide, as this silo last counted it.");
    }

    public void ResourceChanged(ResourceKind kind, string change, long count = 1) => resourcesChanged.Add((int)kind, change, count);

    public void MembershipsChanged(MembershipSource source, string change, long count)
    {
        if (count > 0) membershipsChanged.Add((int)source, change, count);
    }

    public void MailSent() => mailSent.Add(1);

    public void MailFailed(string outcome) => mailFailures.Add(1, new KeyValuePair<string, object?>("scim.outcome", outcome));

    public void OutboxBacklog(long depth, TimeSpan oldestAge)
    {
        Interlocked.Exchange(ref outboxDepth, depth);
        Volatile.Write(ref outboxOldestAge, oldestAge.TotalSeconds);
    }
}
