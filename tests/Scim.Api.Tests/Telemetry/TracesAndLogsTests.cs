using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.WebUtilities;
using OpenTelemetry.Logs;
using Scim.Api.Tests.Infrastructure;
using Scim.Grains.Telemetry;

namespace Scim.Api.Tests.Telemetry;

/// <summary>Traces follow a request into its grain calls; nothing an operator's collector receives holds a secret.</summary>
[Collection(TelemetryCollection.Name)]
public sealed class TracesAndLogsTests(TelemetryApiFactory factory)
{
    [Fact]
    public async Task ACreate_IsOneTraceFromTheHttpRequestIntoTheGrainCall()
    {
        var scim = await factory.NewTenantAsync();

        await scim.CreateUserAsync("traced@traces.example");
        factory.Flush();

        var spans = factory.Spans.Snapshot();
        var request = Assert.Single(spans, s => s.Kind == ActivityKind.Server && s.Source.Name == "Microsoft.AspNetCore"
            && Equals(s.GetTagItem("http.route"), "/scim/v2/{tenant}/Users/") && Equals(s.GetTagItem("http.response.status_code"), 201)
            && spans.Any(grain => grain.TraceId == s.TraceId && (grain.GetTagItem("orleans.rpc.target_id") as string ?? "").EndsWith("/" + scim.Tenant, StringComparison.Ordinal)
                && grain.DisplayName == "IUserCreationGrain/CreateAsync"));
        var grainCalls = spans.Where(s => s.TraceId == request.TraceId && s.DisplayName == "IUserCreationGrain/CreateAsync").ToList();

        Assert.Contains(grainCalls, s => s.Kind == ActivityKind.Server && ChildOf(s, request, spans));
    }

    [Fact]
    public async Task ARequestWhoseTraceIsNotKept_OpensNoSpanForItsGrainCalls_WhileAKeptOneDoes()
    {
        var scim = await factory.NewTenantAsync();
        var id = await scim.CreateUserAsync("unkept@traces.example");
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", scim.Token);
        var grainSpans = 0;
        // Sees every activity the silo's source starts, recorded or not, and decides nothing itself.
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == ProvisioningMetrics.MeterName,
            ActivityStarted = activity => { if (activity.Kind == ActivityKind.Server) Interlocked.Increment(ref grainSpans); },
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.None,
        };
        ActivitySource.AddActivityListener(listener);

        async Task<int> SpansOfAReadAsync(string flags)
        {
            var before = Volatile.Read(ref grainSpans);
            using var read = new HttpRequestMessage(HttpMethod.Get, $"/scim/v2/{scim.Tenant}/Users/{id}");
            read.Headers.Add("traceparent", $"00-{ActivityTraceId.CreateRandom()}-{ActivitySpanId.CreateRandom()}-{flags}");
            (await client.SendAsync(read)).EnsureSuccessStatusCode();
            return Volatile.Read(ref grainSpans) - before;
        }

        // A caller's trace flagged as not sampled is not kept here either (parent-based sampling).
        Assert.Equal(0, await SpansOfAReadAsync("00"));
        Assert.True(await SpansOfAReadAsync("01") > 0, "The listener saw no span of a kept request's grain call.");
    }

    [Fact]
    public async Task HealthProbes_OpenNoTrace_WhileTheRequestsAroundThemDo()
    {
        var scim = await factory.NewTenantAsync();
        using var probe = factory.CreateClient();

        (await probe.GetAsync("/healthz")).EnsureSuccessStatusCode();
        (await probe.GetAsync("/readyz")).EnsureSuccessStatusCode();
        await scim.GetAsync($"/Users/{Guid.NewGuid()}");
        factory.Flush();

        var paths = factory.Spans.Snapshot().Where(s => s.Kind == ActivityKind.Server).Select(s => s.GetTagItem("url.path") as string).ToList();
        Assert.Contains(paths, path => path?.StartsWith($"/scim/v2/{scim.Tenant}/Users/", StringComparison.Ordinal) == true);
        Assert.DoesNotContain(paths, path => path is "/healthz" or "/readyz");
    }

    [Fact]
    public async Task ALogLineWrittenDuringARequest_CarriesThatRequestsTraceAndSpan()
    {
        var scim = await factory.NewTenantAsync();

        await scim.GetAsync($"/Users/{Guid.NewGuid()}");
        factory.Flush();

        var request = factory.Spans.Snapshot().Last(s => s.Kind == ActivityKind.Server && Equals(s.GetTagItem("http.route"), "/scim/v2/{tenant}/Users/{id}")
            && (s.GetTagItem("url.path") as string ?? "").StartsWith($"/scim/v2/{scim.Tenant}/", StringComparison.Ordinal));
        Assert.Contains(factory.Logs.Snapshot(), log => log.TraceId == request.TraceId && log.SpanId == request.SpanId);
    }

    [Fact]
    public async Task AnOutboxSend_IsATraceOfItsOwn_WithItsGrainCallsAndTheSmtpConversationUnderIt()
    {
        var scim = await factory.NewMailingTenantAsync();

        await scim.CreateUserAsync("sent", $$""","emails":[{"value":"sent@{{scim.Tenant}}.example","primary":true}]""");
        await factory.Inbox.WaitForAsync($"sent@{scim.Tenant}.example");
        List<Activity> spans = [];
        for (var until = DateTime.UtcNow.AddSeconds(10); DateTime.UtcNow < until; await Task.Delay(100))
        {
            factory.Flush();
            spans = factory.Spans.Snapshot();
            if (spans.Any(s => s.DisplayName == "outbox send" && Equals(s.GetTagItem("scim.mail.kind"), "TemporaryPassword"))) break;
        }

        var sends = spans.Where(s => s.DisplayName == "outbox send" && s.Kind == ActivityKind.Consumer && Equals(s.GetTagItem("scim.mail.kind"), "TemporaryPassword")).ToList();
        Assert.NotEmpty(sends);
        Assert.All(sends, send => Assert.Equal(default, send.ParentSpanId));
        Assert.Contains(sends, send => spans.Any(s => s.TraceId == send.TraceId && s.Source.Name == MailKit.Telemetry.SmtpClient.ActivitySourceName));
        // The temporary password is kept by the user's account grain, called under the send.
        Assert.Contains(sends, send => spans.Any(s => s.ParentSpanId == send.SpanId && s.DisplayName == "IAccountGrain/SetTemporaryPasswordAsync"));
    }

    [Fact]
    public async Task NoLogLineSpanOrMetric_HoldsATokenAKeyOrAPassword()
    {
        var scim = await factory.NewMailingTenantAsync();
        const string chosenPassword = "a-chosen-passphrase-8c1f";
        await scim.CreateUserAsync("secretive", $$""","password":"{{chosenPassword}}","emails":[{"value":"secretive@{{scim.Tenant}}.example","primary":true}]""");
        await scim.CreateUserAsync("mailed", $$""","emails":[{"value":"mailed@{{scim.Tenant}}.example","primary":true}]""");
        var temporaryPassword = TestInbox.TemporaryPasswordIn(await factory.Inbox.WaitForAsync($"mailed@{scim.Tenant}.example"));
        using var browser = factory.Browser();
        await browser.SignInAsync(scim.Tenant, "mailed", temporaryPassword);
        await browser.SignInAsync(scim.Tenant, "secretive", "a-wrong-passphrase-77aa");
        await scim.GetAsync("/Users", bearer: scim.Token + "x");
        using var scrape = factory.CreateClient();
        scrape.DefaultRequestHeaders.Authorization = new("Bearer", ScimApiFactory.OperatorKey);
        var metrics = await scrape.GetStringAsync("/metrics");
        factory.Flush();

        var exported = factory.Logs.Snapshot().Select(Describe)
            .Concat(factory.Spans.Snapshot().Select(s => $"{s.DisplayName} {string.Join(' ', s.TagObjects.Select(t => $"{t.Key}={t.Value}"))} {string.Join(' ', s.Events.Select(e => e.Name))}"))
            .Append(metrics)
            .ToList();

        Assert.True(exported.Count > 50, $"only {exported.Count} items were exported");
        Assert.Contains(exported, line => line.Contains("POST /scim/v2/{tenant}/Users", StringComparison.Ordinal));
        foreach (var secret in new[] { scim.Token, scim.AdminKey, ScimApiFactory.OperatorKey, chosenPassword, temporaryPassword, "a-wrong-passphrase-77aa" })
            Assert.DoesNotContain(exported, line => line.Contains(secret, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ASignInThroughTheIdentityProvider_LeavesNoCodeStateOrClientSecretInLogsOrSpans()
    {
        var sso = await SsoTenants.NewAsync(factory);
        await SsoTenants.ProvisionAsync(sso, "alice", "alice@school.example");
        sso.Provider.SignInAs(sso.Tenant, new TestOidcProvider.Identity("alice-sub", "alice@school.example"));
        using var browser = factory.Browser();
        var answer = new Dictionary<string, string>();

        var landed = await SsoTenants.FollowAsync(browser, $"/t/{sso.Tenant}/sso", callback =>
        {
            foreach (var (key, value) in QueryHelpers.ParseQuery(callback.Query)) answer[key] = value.ToString();
            return callback;
        });
        factory.Flush();
        var exported = factory.Logs.Snapshot().Select(Describe)
            .Concat(factory.Spans.Snapshot().Select(s => $"{s.DisplayName} {string.Join(' ', s.TagObjects.Select(t => $"{t.Key}={t.Value}"))}"))
            .ToList();

        Assert.Equal($"/t/{sso.Tenant}/", landed);
        Assert.Contains(exported, line => line.Contains("/signin-oidc", StringComparison.Ordinal));
        foreach (var secret in new[] { answer["code"], answer["state"], sso.Secret })
            Assert.DoesNotContain(exported, line => line.Contains(secret, StringComparison.Ordinal));
    }

    private static bool ChildOf(Activity span, Activity ancestor, List<Activity> spans)
    {
        for (var parent = span.ParentSpanId; parent != default; parent = spans.FirstOrDefault(s => s.SpanId == parent)?.ParentSpanId ?? default)
            if (parent == ancestor.SpanId) return true;
        return false;
    }

    private static string Describe(LogRecord record) =>
        $"{record.CategoryName} {record.FormattedMessage} {record.Body} {record.Exception} "
        + string.Join(' ', (record.Attributes ?? []).Select(a => $"{a.Key}={a.Value}"));
}
