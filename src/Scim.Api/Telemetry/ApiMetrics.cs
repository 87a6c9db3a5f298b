using System.Diagnostics;
using System.Diagnostics.Metrics;
using Scim.Api.Http;

namespace Scim.Api.Telemetry;

/// <summary>
/// The API process's own instruments (meter <c>Scim.Api</c>). Labels are low-cardinality on purpose: identity provider,
/// resource type, operation, status class; never a tenant, whose detail stays in the provisioning log.
/// </summary>
public sealed class ApiMetrics
{
    public const string MeterName = "Scim.Api";

    private readonly Meter meter;
    private readonly Histogram<double> requestDuration;
    private readonly Counter<long> authenticationFailures;
    private readonly Counter<long> rateLimitRejections;

    public ApiMetrics(IMeterFactory meters)
    {
        meter = meters.Create(MeterName);
        requestDuration = meter.CreateHistogram("scim.request.duration", "s",
            "SCIM requests and how long they took, by identity provider, resource type, operation and status class.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] });
        authenticationFailures = meter.CreateCounter<long>("scim.authentication.failures", "{failure}",
            "Requests whose SCIM token, admin key or operator key was refused, by credential and reason.");
        rateLimitRejections = meter.CreateCounter<long>("scim.rate_limit.rejections", "{request}",
            "Requests refused with 429 by a rate limit (the per-tenant SCIM limit or the sign-in form's).");
    }

    public void RecordRequest(TimeSpan elapsed, string identityProvider, string resourceType, string operation, int status) =>
        requestDuration.Record(elapsed.TotalSeconds, new TagList
        {
            { "scim.identity_provider", identityProvider },
            { "scim.resource_type", resourceType },
            { "scim.operation", operation },
            { "http.response.status_class", StatusRanges.ClassOf(status) },
        });

    /// <summary>A refused credential: <paramref name="credential"/> is scim_token, admin_key or operator_key.</summary>
    public void AuthenticationFailed(string credential, string reason) =>
        authenticationFailures.Add(1, new KeyValuePair<string, object?>("scim.credential", credential), new KeyValuePair<string, object?>("scim.reason", reason));

    /// <summary>A 429: <paramref name="limit"/> is tenant or sign_in.</summary>
    public void RateLimitRejected(string limit) => rateLimitRejections.Add(1, new KeyValuePair<string, object?>("scim.limit", limit));

    /// <summary>Observes the provisioning log's queue: entries waiting to be stored, and entries dropped because it was full.</summary>
    public void ObserveProvisioningLog(Func<long> depth, Func<long> dropped)
    {
        meter.CreateObservableGauge("scim.provisioning_log.queue.depth", depth, "{entry}",
            "Provisioning-log entries waiting in this process to be stored.");
        meter.CreateObservableCounter("scim.provisioning_log.dropped", dropped, "{entry}",
            "Provisioning-log entries dropped because the queue was full (the store was slow or down).");
    }
}
