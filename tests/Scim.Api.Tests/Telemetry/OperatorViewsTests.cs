using System.Net;
using System.Net.Http.Headers;
using Scim.Api.Tests.Infrastructure;

namespace Scim.Api.Tests.Telemetry;

/// <summary>The Prometheus scrape endpoint and the Orleans dashboard open only to the operator.</summary>
[Collection(TelemetryCollection.Name)]
public sealed class OperatorViewsTests(TelemetryApiFactory factory)
{
    private HttpClient Client(string? bearer)
    {
        var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        if (bearer is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        return client;
    }

    [Fact]
    public async Task Metrics_RefuseAnyoneButTheOperatorKey_AndServeTheServiceInstrumentsInPrometheusText()
    {
        var scim = await factory.NewTenantAsync("okta");
        await scim.CreateUserAsync("scraped@metrics.example");
        using var anonymous = Client(null);
        using var wrong = Client("not-the-operator-key");
        using var tenantToken = Client(scim.Token);
        using var operatorKey = Client(ScimApiFactory.OperatorKey);

        var scrape = await operatorKey.GetAsync("/metrics");
        var text = await scrape.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/metrics")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await wrong.GetAsync("/metrics")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await tenantToken.GetAsync("/metrics")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, scrape.StatusCode);
        Assert.Contains("scim_request_duration_seconds_bucket{", text);
        Assert.Contains("scim_identity_provider=\"okta\"", text);
        Assert.Contains("scim_resources_changed_total{", text);
        Assert.Contains("orleans_", text);
        Assert.DoesNotContain(scim.Tenant, text);
        Assert.DoesNotContain(scim.Token, text);
    }

    [Fact]
    public async Task TheDashboard_SendsABrowserToTheOperatorSignIn_AndOpensWithTheKeyOrTheConsoleSession()
    {
        using var anonymous = Client(null);
        using var wrong = Client("not-the-operator-key");
        using var operatorKey = Client(ScimApiFactory.OperatorKey);
        using var console = factory.Browser();
        await console.SubmitAsync("/operator/login", new Dictionary<string, string> { ["Key"] = ScimApiFactory.OperatorKey });

        var refused = await anonymous.GetAsync("/operator/dashboard/");
        var withKey = await operatorKey.GetAsync("/operator/dashboard/");
        var withSession = await console.GetAsync("/operator/dashboard/");

        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/operator/login", refused.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Unauthorized, (await wrong.GetAsync("/operator/dashboard/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, withKey.StatusCode);
        Assert.Contains("Orleans Dashboard", await withKey.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, withSession.Status);
        Assert.Contains("Orleans Dashboard", withSession.Html);
    }
}
