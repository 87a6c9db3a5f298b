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

    /// <summary>The silo's own spans: an outbox message taken up and sent (a trace of its own, as the request that queued it has ended).</summary>
    public static readonly ActivitySource Activities = new(MeterName);

    private readonly Counter<long> resourcesChanged;
    private readonly Counter<long> membershipsChanged;
    private readonly Counter<long> mailSent;
    private readonly Counter<long> mailFailures;
    private long outboxDepth;
    private double outboxOldestAge;

    public ProvisioningMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        resourcesChanged = meter.CreateCounter<long>("scim.resources.changed", "{resource}",
            "Users and groups written, by resource type and change (created, replaced, patched, deleted).");
        membershipsChanged = meter.CreateCounter<long>("scim.memberships.changed", "{membership}",
            "Group memberships written, by source (scim, manual) and change (added, removed; replaced counts the members a full replace set).");
        mailSent = meter.CreateCounter<long>("scim.outbox.sent", "{message}", "E-mails the outbox sent.");
        mailFailures = meter.CreateCounter<long>("scim.outbox.failures", "{message}",
            "E-mail attempts that failed, by outcome: retried (a transient failure) or given_up (refused, or out of retries).");
        meter.CreateObservableGauge("scim.outbox.depth", () => Interlocked.Read(ref outboxDepth), "{message}",
            "E-mails queued and not yet sent, cluster-wide, as this silo last counted them (take the maximum across silos).");
        meter.CreateObservableGauge("scim.outbox.oldest_age", () => Volatile.Read(ref outboxOldestAge), "s",
            "How long the oldest queued e-mail has waited, cluster-wide, as this silo last counted it.");
    }

    public void ResourceChanged(ResourceKind kind, string change, long count = 1) =>
        resourcesChanged.Add(count, new KeyValuePair<string, object?>("scim.resource_type", kind.ToString()), new KeyValuePair<string, object?>("scim.change", change));

    public void MembershipsChanged(MembershipSource source, string change, long count)
    {
        if (count > 0)
            membershipsChanged.Add(count, new KeyValuePair<string, object?>("scim.membership.source", source == MembershipSource.Manual ? "manual" : "scim"),
                new KeyValuePair<string, object?>("scim.change", change));
    }

    public void MailSent() => mailSent.Add(1);

    public void MailFailed(string outcome) => mailFailures.Add(1, new KeyValuePair<string, object?>("scim.outcome", outcome));

    public void OutboxBacklog(long depth, TimeSpan oldestAge)
    {
        Interlocked.Exchange(ref outboxDepth, depth);
        Volatile.Write(ref outboxOldestAge, oldestAge.TotalSeconds);
    }
}
