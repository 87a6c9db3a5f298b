using System.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Scim.Api.Tests.Infrastructure;

/// <summary>
/// The in-memory service with every operator view on (traces, the Prometheus endpoint, the Orleans dashboard) and
/// OpenTelemetry's in-memory exporters beside the real ones, so tests read what an operator's collector would get.
/// </summary>
public sealed class TelemetryApiFactory : ScimApiFactory
{
    public override string Backend => "in-memory, telemetry";

    public Exported<MetricSnapshot> Metrics { get; } = new();
    public Exported<Activity> Spans { get; } = new();
    public Exported<LogRecord> Logs { get; } = new();

    protected override IEnumerable<KeyValuePair<string, string>> BackendSettings() =>
    [
        new("Telemetry:Traces", "true"),
        new("Telemetry:Prometheus:Enabled", "true"),
        new("Telemetry:Dashboard", "true"),
        new("Logging:LogLevel:Default", "Debug"),
    ];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics.AddInMemoryExporter(Metrics))
            .WithTracing(tracing => tracing.AddInMemoryExporter(Spans))
            .WithLogging(logging => logging.AddInMemoryExporter(Logs), options => options.IncludeFormattedMessage = true));
    }

    /// <summary>Exports what the providers hold now, so the lists above are up to date.</summary>
    public void Flush()
    {
        Services.GetRequiredService<MeterProvider>().ForceFlush();
        Services.GetRequiredService<TracerProvider>().ForceFlush();
        Services.GetRequiredService<LoggerProvider>().ForceFlush();
    }

    /// <summary>
    /// The value of a counter, or the count of a histogram, over the points whose labels include <paramref name="labels"/>,
    /// as of now (the metrics are cumulative: tests compare two readings).
    /// </summary>
    public double Read(string name, params (string Key, string Value)[] labels)
    {
        Metrics.Clear();
        Services.GetRequiredService<MeterProvider>().ForceFlush();
        var latest = Metrics.Snapshot().LastOrDefault(m => m.Name == name);
        if (latest is null) return 0;
        double total = 0;
        foreach (var point in latest.MetricPoints)
        {
            var tags = new Dictionary<string, object?>();
            foreach (var tag in point.Tags) tags[tag.Key] = tag.Value;
            if (!labels.All(l => tags.TryGetValue(l.Key, out var v) && (v as string) == l.Value)) continue;
            total += latest.MetricType switch
            {
                MetricType.Histogram => point.GetHistogramCount(),
                MetricType.LongSum or MetricType.LongSumNonMonotonic => point.GetSumLong(),
                MetricType.LongGauge => point.GetGaugeLastValueLong(),
                MetricType.DoubleGauge => point.GetGaugeLastValueDouble(),
                _ => point.GetSumDouble(),
            };
        }
        return total;
    }
}

/// <summary>
/// The telemetry tests share one service and run alone (after the parallel collections), since OpenTelemetry reads
/// every meter of a name in the process: only then are the counts the tests compare theirs alone.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TelemetryCollection : ICollectionFixture<TelemetryApiFactory>
{
    public const string Name = "telemetry";
}
