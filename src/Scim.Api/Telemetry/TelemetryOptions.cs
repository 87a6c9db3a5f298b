namespace Scim.Api.Telemetry;

/// <summary>Settings of traces, metrics and the operator's views of them (section "Telemetry" of the configuration).</summary>
public sealed class TelemetryOptions
{
    public const string Section = "Telemetry";

    /// <summary>False registers no OpenTelemetry at all: the instruments still exist, and nothing reads them.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Whether traces are recorded; by default, exactly when an OTLP endpoint (<c>OTEL_EXPORTER_OTLP_ENDPOINT</c>) is set,
    /// since a trace nobody receives only costs.
    /// </summary>
    public bool? Traces { get; set; }

    /// <summary>
    /// The share of requests traced, 0 to 1; a request whose caller sent a sampled trace context is always traced. Unset,
    /// OpenTelemetry's standard sampler variables decide it (<see cref="TraceSampling"/>).
    /// </summary>
    public double? TraceSampleRatio { get; set; }

    public PrometheusOptions Prometheus { get; set; } = new();

    /// <summary>
    /// The Orleans dashboard at <c>/operator/dashboard</c>: by default on in Development and in single-node mode (trying
    /// the service), off in a production cluster unless set (<see cref="Hosting.OrleansDashboard"/> decides).
    /// </summary>
    public bool? Dashboard { get; set; }
}

/// <summary>The Prometheus scrape endpoint <c>/metrics</c>: off unless enabled.</summary>
public sealed class PrometheusOptions
{
    public bool Enabled { get; set; }

    /// <summary>
    /// A port of its own for <c>/metrics</c>, served there without a key (keep that port inside the cluster's network);
    /// when unset, <c>/metrics</c> is on the service's port and answers only with the operator key.
    /// </summary>
    public int? Port { get; set; }
}
