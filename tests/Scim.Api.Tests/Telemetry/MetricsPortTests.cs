using System.Net;
using System.Net.Http.Headers;
using Scim.Api.Tests.Infrastructure;

namespace Scim.Api.Tests.Telemetry;

/// <summary>With a metrics port of its own, /metrics is served there without a key, and not on the service's port.</summary>
public sealed class MetricsPortTests
{
    [Fact]
    public async Task AMetricsPortOfItsOwn_ServesPrometheusTextWithoutAKey_AndTheServicePortServesNone()
    {
        const string operatorKey = "metrics-port-operator-key-0123456789";
        var metricsPort = ScimApiFactory.FreePort();
        await using var silo = await ServiceProcess.StartAsync("Scim.Silo", new Dictionary<string, string>
        {
            ["Orleans:SiloPort"] = ScimApiFactory.FreePort(),
            ["Orleans:GatewayPort"] = ScimApiFactory.FreePort(),
            ["Scim:OperatorKey"] = operatorKey,
            ["Scim:DemoTenant"] = "-",
            ["Telemetry:Prometheus:Enabled"] = "true",
            ["Telemetry:Prometheus:Port"] = metricsPort,
        });
        using var scraper = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        using var service = silo.CreateClient();
        service.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", operatorKey);

        var scrape = await scraper.GetAsync($"http://127.0.0.1:{metricsPort}/metrics");
        var text = await scrape.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, scrape.StatusCode);
        Assert.Contains("orleans_", text);
        Assert.Contains("scim_outbox_depth", text);
        Assert.Equal(HttpStatusCode.NotFound, (await service.GetAsync("/metrics")).StatusCode);
    }
}
