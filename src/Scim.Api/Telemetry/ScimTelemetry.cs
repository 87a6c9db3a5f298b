using OpenTelemetry;
using OpenTelemetry.Context.Propagation;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Scim.Api.Telemetry;

/// <summary>
/// OpenTelemetry for a process of the service: ASP.NET Core, runtime and Orleans metrics with the service's own
/// (<c>Scim.*</c> meters); traces of HTTP requests and grain calls (the silo adds PostgreSQL's and SMTP's); logs that
/// carry the trace and span ids. Everything goes out over OTLP when the standard <c>OTEL_EXPORTER_OTLP_*</c> variables name an
/// endpoint, and metrics also to Prometheus when <see cref="PrometheusOptions.Enabled"/>.
/// </summary>
public static class ScimTelemetry
{
    /// <summary>The meters and activity sources of the service's own instruments, in every project.</summary>
    public const string ServiceSources = "Scim.*";

    /// <summary>
    /// ASP.NET Core's meters an operator reads: requests (<c>http.server.request.duration</c>), connections and unhandled
    /// exceptions. Not its routing, authentication, authorization, rate-limiting and memory-pool meters: each records
    /// several times a request (measured at 4% of a lookup's CPU, more than the traces of unkept requests), and what an
    /// operator needs of them, refused credentials and 429s, the service's own instruments count.
    /// </summary>
    public static readonly string[] AspNetCoreMeters = ["Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "Microsoft.AspNetCore.Diagnostics"];

    /// <summary>
    /// Instruments recorded on every request or grain call and left out for their cost:
    /// <list type="bullet">
    /// <item>Orleans' latency histogram of every grain call (a SCIM request makes one to three), once the largest of the
    /// metrics' costs: a request's time is in <c>scim.request.duration</c>, and the grain calls a silo serves are counted
    /// by <c>orleans-messaging-processing-dispatcher-processed</c>;</item>
    /// <item>ASP.NET Core's count of requests in flight: the rate and latency of <c>scim.request.duration</c> say how
    /// busy the service is;</item>
    /// <item>Orleans' count of messages a silo's dispatcher received: the same calls as those processed, without their
    /// outcome;</item>
    /// <item>Orleans' counts of each call's way to its grain: the lookups in the local directory and its cache (four
    /// counts a call), the message sent in process and the message received: a call within a silo is counted once more
    /// for each, and the calls themselves stay counted by the dispatcher's processed messages.</item>
    /// </list>
    /// The second and third together were about 0.6 points of the silo's CPU during lookups.
    /// </summary>
    public static readonly string[] DroppedInstruments =
    [
        "orleans-app-requests-latency", "http.server.active_requests", "orleans-messaging-processing-dispatcher-received",
        "orleans-directory-lookups-local-issued", "orleans-directory-lookups-local-successes", "orleans-directory-lookups-cache-issued",
        "orleans-directory-lookups-cache-successes", "orleans-messaging-sent-local", "orleans-messaging-processing-ima-received",
    ];

    public static IServiceCollection AddScimTelemetry(this IServiceCollection services, IConfiguration configuration, string serviceName)
    {
        var section = configuration.GetSection(TelemetryOptions.Section);
        services.Configure<TelemetryOptions>(section);
        var options = Options(configuration);
        services.AddSingleton<ApiMetrics>();
        if (!options.Enabled) return services;
        // A log line written inside a request or a grain call names its trace, so logs and traces meet.
        services.Configure<LoggerFactoryOptions>(logging =>
            logging.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId | ActivityTrackingOptions.ParentId);
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(AspNetCoreMeters).AddRuntimeInstrumentation().AddMeter("Microsoft.Orleans", ServiceSources);
                foreach (var instrument in DroppedInstruments) metrics.AddView(instrument, MetricStreamConfiguration.Drop);
                if (options.Prometheus.Enabled && options.Prometheus.Port is { } port)
                    metrics.AddPrometheusHttpListener(prometheus =>
                    {
                        prometheus.Port = port;
                        // Every address of the host: the exporter's own Host option takes one name only.
                        prometheus.ConfigureHttpListener = (_, listener) =>
                        {
                            listener.Prefixes.Clear();
                            listener.Prefixes.Add($"http://*:{port}/");
                        };
                    });
                else if (options.Prometheus.Enabled)
                    metrics.AddPrometheusExporter();
            });
        if (RecordsTraces(configuration))
        {
            // W3C trace context only: ASP.NET Core has already read it into each request's activity, and with any other
            // propagator (the default one also reads baggage, which nothing here uses) the instrumentation reads each
            // request's headers a second time.
            Sdk.SetDefaultTextMapPropagator(new TraceContextPropagator());
            telemetry.WithTracing(tracing => tracing
                .SetSampler(new ParentBasedSampler(new IncomingWorkSampler(TraceSampling.Ratio(options, configuration))))
                .AddAspNetCoreInstrumentation(aspNetCore => aspNetCore.Filter = http => !IsProbe(http.Request.Path))
                .AddSource(ServiceSources));
        }
        if (ExportsOtlp(configuration)) telemetry.WithLogging().UseOtlpExporter();
        return services;
    }

    /// <summary>
    /// Whether traces are recorded. Only then do the grain calls of a kept trace carry it into the silo
    /// (<see cref="CallerTrace"/>) and get spans there.
    /// </summary>
    public static bool RecordsTraces(IConfiguration configuration) =>
        Options(configuration) is { Enabled: true } options && (options.Traces ?? ExportsOtlp(configuration));

    private static TelemetryOptions Options(IConfiguration configuration) =>
        configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new TelemetryOptions();

    private static bool ExportsOtlp(IConfiguration configuration) => !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);

    /// <summary>Health probes and scrapes come every few seconds from the platform, not from users: not traced.</summary>
    private static bool IsProbe(PathString path) =>
        path.StartsWithSegments("/healthz") || path.StartsWithSegments("/readyz") || path.StartsWithSegments("/metrics");
}
