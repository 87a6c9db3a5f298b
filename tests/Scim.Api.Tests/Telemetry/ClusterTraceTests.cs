using System.Text;
using Scim.Api.Tests.Infrastructure;

namespace Scim.Api.Tests.Telemetry;

/// <summary>
/// The production shape: two silo processes and an API process on PostgreSQL, exporting over OTLP to a collector on
/// loopback. One SCIM create is one trace across the processes, from the API's request to the silo's SQL.
/// </summary>
public sealed class ClusterTraceTests
{
    private const string OperatorKey = "trace-operator-key-0123456789abcdef";

    /// <summary>A database password (the test server trusts loopback and never asks for it): no exported span may name it.</summary>
    private const string DatabasePassword = "db-password-5be1c0";

    [Fact]
    public async Task ACreateThroughTheApiProcess_IsOneTrace_WithTheRequestTheGrainCallInASiloAndItsSql_AndNoSecret()
    {
        await using var collector = await OtlpReceiver.StartAsync();
        await using var cluster = await ProcessCluster.StartAsync(OperatorKey, connectionString => new Dictionary<string, string>
        {
            ["ConnectionStrings:Scim"] = connectionString + ";Password=" + DatabasePassword,
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector.Endpoint,
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "200",
            ["OTEL_BLRP_SCHEDULE_DELAY"] = "200",
        });
        var scim = await cluster.Clients.NewTenantAsync("okta");

        await scim.CreateUserAsync("traced@cluster.example");

        // The processes export in batches of their own: wait until the silo's part of the trace has arrived whole.
        bool IsSiloCreate(ReceivedSpan s) => s.Service == "scim-silo" && s.Kind == OtlpReceiver.ServerKind && s.Name == "IUserCreationGrain/CreateAsync"
            && s.Attributes.GetValueOrDefault("orleans.rpc.target_id", "").EndsWith(scim.Tenant, StringComparison.Ordinal);
        bool HasParent(ReceivedSpan s, List<ReceivedSpan> trace) => s.ParentSpanId is "" or "0000000000000000" || trace.Any(p => p.SpanId == s.ParentSpanId);
        bool Under(ReceivedSpan s, ReceivedSpan ancestor, List<ReceivedSpan> trace)
        {
            for (var parent = s.ParentSpanId; trace.FirstOrDefault(p => p.SpanId == parent) is { } p; parent = p.ParentSpanId)
                if (p.SpanId == ancestor.SpanId) return true;
            return false;
        }
        bool SqlUnderTheCreate(List<ReceivedSpan> trace) =>
            trace.Where(IsSiloCreate).Any(create => trace.Any(s => s.Service == "scim-silo" && s.Scope == "Npgsql" && Under(s, create, trace)));
        List<ReceivedSpan> trace = [];
        for (var deadline = DateTime.UtcNow.AddSeconds(30); DateTime.UtcNow < deadline; await Task.Delay(200))
        {
            var spans = collector.Spans.ToList();
            var request = spans.FirstOrDefault(s => s.Service == "scim-api" && s.Kind == OtlpReceiver.ServerKind
                && s.Attributes.GetValueOrDefault("http.route") == "/scim/v2/{tenant}/Users/" && s.Attributes.GetValueOrDefault("http.response.status_code") == "201");
            trace = request is null ? [] : spans.Where(s => s.TraceId == request.TraceId).ToList();
            if (SqlUnderTheCreate(trace) && trace.All(s => HasParent(s, trace))) break;
        }
        var shown = string.Join("\n", trace.Select(s => $"{s.Service} {s.Scope} {s.Kind} {s.Name}"));

        var apiRequest = trace.Single(s => s.Service == "scim-api" && s.Kind == OtlpReceiver.ServerKind);
        Assert.True(trace.Any(s => IsSiloCreate(s) && Under(s, apiRequest, trace)), shown);
        Assert.True(SqlUnderTheCreate(trace), shown);
        Assert.All(trace, s => Assert.True(HasParent(s, trace), $"{s.Name} has its parent outside the trace"));
        // Background SQL (membership, the outbox's polling) opens no trace: every SQL span sits under a request.
        Assert.All(collector.Spans.Where(s => s.Scope == "Npgsql"), s => Assert.True(s.ParentSpanId.Length == 16 && s.ParentSpanId != new string('0', 16), $"{s.Name} has no parent"));
        var everything = collector.Payloads.Select(p => Encoding.UTF8.GetString(p)).ToList();
        foreach (var secret in new[] { scim.Token, scim.AdminKey, OperatorKey, DatabasePassword })
            Assert.DoesNotContain(everything, payload => payload.Contains(secret, StringComparison.Ordinal));
    }
}
