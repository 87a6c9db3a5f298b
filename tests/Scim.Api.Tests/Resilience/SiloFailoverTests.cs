using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Scim.Api.Hosting;
using Scim.Api.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Scim.Api.Tests.Resilience;

/// <summary>
/// The production shape on one machine: two silo processes and an API process on PostgreSQL, with the default
/// failure-detection and response-timeout settings. A silo is killed while IdP-like traffic runs through the API.
/// </summary>
public sealed class SiloFailoverTests(ITestOutputHelper output)
{
    private const string OperatorKey = "failover-operator-key-0123456789abcdef";

    /// <summary>
    /// The longest a silo's death may disturb traffic: a call caught on the dead silo fails after the response
    /// timeout; calls placed meanwhile are refused until the silo is declared dead (2 missed probes of 2 s), well within it.
    /// Plus a margin for a loaded CI machine.
    /// </summary>
    private static readonly TimeSpan DisturbanceBound = ClusterSettings.DefaultResponseTimeout + TimeSpan.FromSeconds(5);

    private sealed record Outcome(string Operation, HttpStatusCode Status, bool RetryAfter, TimeSpan At);

    [Fact]
    public async Task KillingASiloUnderCreatesAndGroupPatches_AnswersOnly2xxOr503WithRetryAfter_KeepsEveryAcknowledgedWrite()
    {
        await using var cluster = await ProcessCluster.StartAsync(OperatorKey);
        await RunAsync(cluster.Api, cluster.Silos[1]);
    }

    private async Task RunAsync(ServiceProcess api, ServiceProcess victim)
    {
        var scim = await new ServiceClients(api.CreateClient, OperatorKey).NewTenantAsync("okta");
        var groupId = await scim.CreateGroupAsync("everyone");
        var outcomes = new ConcurrentBag<Outcome>();
        var created = new ConcurrentBag<string>();
        var added = new ConcurrentBag<string>();
        var clock = Stopwatch.StartNew();
        using var stop = new CancellationTokenSource();

        async Task<ScimResponse> Record(string operation, Func<Task<ScimResponse>> send)
        {
            var response = await send();
            outcomes.Add(new Outcome(operation, response.Status, response.Headers.RetryAfter is not null, clock.Elapsed));
            return response;
        }

        async Task WorkerAsync(int worker)
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var create = await Record("create", () => scim.PostAsync("/Users", $$"""{"userName":"w{{worker}}-{{i}}@failover.example"}"""));
                if (create.Status != HttpStatusCode.Created) continue;
                created.Add(create.Id);
                var patch = await Record("member add", () => scim.PatchAsync($"/Groups/{groupId}",
                    $$"""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"add","path":"members","value":[{"value":"{{create.Id}}"}]}]}"""));
                if (patch.Status == HttpStatusCode.OK) added.Add(create.Id);
            }
        }

        var workers = Enumerable.Range(0, 8).Select(WorkerAsync).ToList();
        await Task.Delay(TimeSpan.FromSeconds(3));
        var killedAt = clock.Elapsed;
        victim.Kill();
        await Task.Delay(DisturbanceBound + TimeSpan.FromSeconds(5));
        await stop.CancelAsync();
        await Task.WhenAll(workers);

        var failures = outcomes.Where(o => (int)o.Status >= 300).OrderBy(o => o.At).ToList();
        var disturbance = failures.Count == 0 ? TimeSpan.Zero : failures[^1].At - killedAt;
        output.WriteLine($"{outcomes.Count} requests, {created.Count} creates and {added.Count} member adds acknowledged; " +
                         $"{failures.Count} answered otherwise ({string.Join(", ", failures.GroupBy(f => (int)f.Status).Select(g => $"{g.Count()} x {g.Key}"))}); " +
                         $"the last {disturbance.TotalSeconds:F1} s after the kill; before the kill {outcomes.Count(o => o.At < killedAt)} requests");
        Assert.All(failures, f =>
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, f.Status);
            Assert.True(f.RetryAfter, $"a 503 to a {f.Operation} without Retry-After");
        });
        Assert.True(disturbance <= DisturbanceBound, $"traffic was disturbed for {disturbance.TotalSeconds:F1} s after the kill");
        Assert.Contains(outcomes, o => o.At > killedAt + DisturbanceBound && o.Status == HttpStatusCode.Created);

        var present = new HashSet<string>();
        for (var start = 1; ; start += 1000)
        {
            var page = await scim.GetAsync($"/Users?startIndex={start}&count=1000&attributes=id");
            Assert.Equal(HttpStatusCode.OK, page.Status);
            present.UnionWith(page.Resources.Select(r => r!["id"]!.GetValue<string>()));
            if (start + 1000 > page.TotalResults) break;
        }
        Assert.Subset(present, created.ToHashSet());
        var group = await scim.GetAsync($"/Groups/{groupId}");
        var members = group.Body!["members"]?.AsArray().Select(m => m!["value"]!.GetValue<string>()).ToHashSet() ?? [];
        Assert.Subset(members, added.ToHashSet());
    }
}
