using System.Diagnostics;
using System.Net.Http.Headers;
using Microsoft.Extensions.Configuration;
using Scim.Api.Telemetry;
using Scim.Api.Tests.Infrastructure;

namespace Scim.Api.Tests.Telemetry;

/// <summary>The share of requests traced: the service's own setting first, then OpenTelemetry's standard variables.</summary>
public sealed class TraceSamplingTests
{
    [Theory]
    [InlineData(null, null, null, 1.0)]
    [InlineData(null, "parentbased_traceidratio", "0.01", 0.01)]
    [InlineData(null, "TraceIdRatio", " 0.25 ", 0.25)]
    [InlineData(null, "parentbased_traceidratio", null, 1.0)]
    [InlineData(null, "parentbased_traceidratio", "a tenth", 1.0)]
    [InlineData(null, "always_off", null, 0.0)]
    [InlineData(null, "parentbased_always_off", "0.5", 0.0)]
    [InlineData(null, "parentbased_always_on", "0.5", 1.0)]
    [InlineData("0.1", "parentbased_traceidratio", "0.01", 0.1)]
    [InlineData("0", "always_on", null, 0.0)]
    public void TheServicesSetting_ComesFirst_ThenOpenTelemetrysSamplerVariables(string? setting, string? sampler, string? argument, double expected)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Telemetry:TraceSampleRatio"] = setting,
            ["OTEL_TRACES_SAMPLER"] = sampler,
            ["OTEL_TRACES_SAMPLER_ARG"] = argument,
        }).Build();
        var options = configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new TelemetryOptions();

        Assert.Equal(expected, TraceSampling.Ratio(options, configuration));
    }

    [Fact]
    public async Task AServiceStartedWithTheStandardSamplerVariables_TracesThatShare_AndStillACallersSampledTrace()
    {
        const string operatorKey = "sampling-operator-key-0123456789abcd";
        await using var collector = await OtlpReceiver.StartAsync();
        await using var silo = await ServiceProcess.StartAsync("Scim.Silo", new Dictionary<string, string>
        {
            ["Orleans:SiloPort"] = ScimApiFactory.FreePort(),
            ["Orleans:GatewayPort"] = ScimApiFactory.FreePort(),
            ["Scim:OperatorKey"] = operatorKey,
            ["Scim:DemoTenant"] = "-",
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector.Endpoint,
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "200",
            ["OTEL_TRACES_SAMPLER"] = "parentbased_traceidratio",
            ["OTEL_TRACES_SAMPLER_ARG"] = "0",
        });
        var scim = await new ServiceClients(silo.CreateClient, operatorKey).NewTenantAsync();
        using var client = silo.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", scim.Token);
        var users = $"/scim/v2/{scim.Tenant}/Users?count=1";

        for (var i = 0; i < 20; i++) (await client.GetAsync(users)).EnsureSuccessStatusCode();
        var callersTrace = ActivityTraceId.CreateRandom().ToHexString();
        using var sampled = new HttpRequestMessage(HttpMethod.Get, users);
        sampled.Headers.Add("traceparent", $"00-{callersTrace}-{ActivitySpanId.CreateRandom()}-01");
        (await client.SendAsync(sampled)).EnsureSuccessStatusCode();
        // Spans are exported in the order they end: once the caller's has arrived, any of the requests before it has too.
        bool IsScimRequest(ReceivedSpan s) => s.Kind == OtlpReceiver.ServerKind && s.Attributes.GetValueOrDefault("url.path", "").StartsWith("/scim/v2/", StringComparison.Ordinal);
        for (var deadline = DateTime.UtcNow.AddSeconds(30); DateTime.UtcNow < deadline; await Task.Delay(200))
            if (collector.Spans.Any(s => IsScimRequest(s) && s.TraceId == callersTrace)) break;

        var requests = collector.Spans.Where(IsScimRequest).ToList();
        Assert.Contains(requests, s => s.TraceId == callersTrace);
        Assert.All(requests, s => Assert.Equal(callersTrace, s.TraceId));
    }
}
