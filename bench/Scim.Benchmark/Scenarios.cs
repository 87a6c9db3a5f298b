using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;

namespace Scim.Benchmark;

/// <summary>The measured scenarios. Each runs a number of workers for a fixed time and records acknowledged requests.</summary>
public sealed class Scenarios(BenchmarkOptions options)
{
    /// <summary>User creates at each configured concurrency.</summary>
    public async Task CreatesAsync()
    {
        foreach (var clients in options.CreateClients)
        {
            var target = await ScimTarget.CreateTenantAsync(options, "okta");
            var recorder = await RunAsync(clients, async (worker, i) =>
            {
                var (status, _, latency) = await target.SendAsync(HttpMethod.Post, "Users", ScimTarget.UserJson($"c{worker}-{i}"));
                return (status == HttpStatusCode.Created, latency);
            });
            Console.WriteLine(recorder.Summary($"user creates, {clients} clients"));
        }
    }

    /// <summary>GET by id and userName eq lookups in a tenant grown to each configured size.</summary>
    public async Task ReadsAndLookupsAsync()
    {
        var target = await ScimTarget.CreateTenantAsync(options, "okta");
        var ids = new List<string>();
        var size = 0;
        foreach (var wanted in options.LookupSizes)
        {
            size = await SeedUsersAsync(target, size, wanted, ids);
            var reads = await RunAsync(options.Clients, async (_, _) =>
            {
                var (status, _, latency) = await target.SendAsync(HttpMethod.Get, "Users/" + ids[Random.Shared.Next(ids.Count)]);
                return (status == HttpStatusCode.OK, latency);
            });
            Console.WriteLine(reads.Summary($"user reads by id, {size:N0} users"));
            var lookups = await RunAsync(options.Clients, async (_, _) =>
            {
                var userName = $"u{Random.Shared.Next(size)}";
                var (status, body, latency) = await target.SendAsync(HttpMethod.Get, $"Users?filter=userName%20eq%20%22{userName}%22");
                return (status == HttpStatusCode.OK && body.Contains("\"totalResults\":1", StringComparison.Ordinal), latency);
            });
            Console.WriteLine(lookups.Summary($"userName eq lookups, {size:N0} users"));
        }
    }

    /// <summary>
    /// For each configured size, a group seeded to that many members is read whole and without members (see
    /// <see cref="GroupReadsAsync"/>); then concurrent single-member PATCH adds to it (Entra's shape, answered 204), and a
    /// check that every acknowledged member is in the group.
    /// </summary>
    public async Task GroupPatchesAsync()
    {
        foreach (var size in options.GroupSizes)
        {
            var target = await ScimTarget.CreateTenantAsync(options, "entra");
            var (created, body, _) = await target.SendAsync(HttpMethod.Post, "Groups",
                """{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"bench group"}""");
            if (created != HttpStatusCode.Created) throw new InvalidOperationException($"group create failed: {created} {body}");
            var group = JsonNode.Parse(body)!["id"]!.GetValue<string>();
            // Members need not exist as users here: the group's membership rows are what is measured.
            for (var start = 0; start < size; start += 1000)
            {
                var batch = Enumerable.Range(start, Math.Min(1000, size - start)).Select(n => $"seed-{n}");
                var (status, error, _) = await target.SendAsync(HttpMethod.Patch, "Groups/" + group, ScimTarget.AddMembersJson(batch));
                if (status != HttpStatusCode.NoContent) throw new InvalidOperationException($"seeding failed: {status} {error}");
            }
            await GroupReadsAsync(target, group, size);
            var acknowledged = new ConcurrentBag<string>();
            var recorder = await RunAsync(options.Clients, async (worker, i) =>
            {
                var member = $"add-{worker}-{i}";
                var (status, _, latency) = await target.SendAsync(HttpMethod.Patch, "Groups/" + group, ScimTarget.AddMembersJson([member]));
                if (status == HttpStatusCode.NoContent) acknowledged.Add(member);
                return (status == HttpStatusCode.NoContent, latency);
            });
            Console.WriteLine(recorder.Summary($"add-1-member PATCH, group of {size:N0}"));
            var lost = await LostMembersAsync(target, group, acknowledged);
            Console.WriteLine($"{"",-44} {acknowledged.Count} acknowledged adds, {lost} lost");
            if (lost > 0) Environment.ExitCode = 1;
        }
    }

    /// <summary>
    /// Reads of the whole group one at a time (its time, body size and the service's peak memory over them), then reads
    /// without members from many clients (which must not depend on the group's size).
    /// </summary>
    private async Task GroupReadsAsync(ScimTarget target, string group, int size)
    {
        var memory = ServiceMemory.For(options.ServicePid);
        var (_, body, _) = await target.SendAsync(HttpMethod.Get, "Groups/" + group);
        memory?.ResetPeak();
        var before = memory?.ResidentBytes ?? 0;
        var whole = await RunAsync(1, async (_, _) =>
        {
            var (status, _, latency) = await target.SendAsync(HttpMethod.Get, "Groups/" + group);
            return (status == HttpStatusCode.OK, latency);
        });
        var peak = memory?.PeakBytes ?? 0;
        Console.WriteLine(whole.Summary($"GET whole group of {size:N0}, 1 client"));
        const double MiB = 1 << 20;
        Console.WriteLine(memory is null
            ? $"{"",-44} body {body.Length / MiB:F1} MiB (pass --service-pid for the service's peak memory)"
            : $"{"",-44} body {body.Length / MiB:F1} MiB; service peak RSS {peak / MiB:F0} MiB = {(peak - before) / MiB:F1} MiB over its {before / MiB:F0} MiB before");
        var excluded = await RunAsync(options.Clients, async (_, _) =>
        {
            var (status, _, latency) = await target.SendAsync(HttpMethod.Get, $"Groups/{group}?excludedAttributes=members");
            return (status == HttpStatusCode.OK, latency);
        });
        Console.WriteLine(excluded.Summary($"GET group of {size:N0}, excludedAttributes=members"));
    }

    private static async Task<int> LostMembersAsync(ScimTarget target, string group, IEnumerable<string> acknowledged)
    {
        var (_, body, _) = await target.SendAsync(HttpMethod.Get, "Groups/" + group);
        var members = JsonNode.Parse(body)!["members"]!.AsArray().Select(m => m!["value"]!.GetValue<string>()).ToHashSet(StringComparer.Ordinal);
        return acknowledged.Count(id => !members.Contains(id));
    }

    /// <summary>Creates users u{from}..u{to-1} with many concurrent requests (not measured).</summary>
    private static async Task<int> SeedUsersAsync(ScimTarget target, int from, int to, List<string> ids)
    {
        var next = from - 1;
        var created = new ConcurrentBag<string>();
        await Task.WhenAll(Enumerable.Range(0, 64).Select(async _ =>
        {
            for (var n = Interlocked.Increment(ref next); n < to; n = Interlocked.Increment(ref next))
            {
                var (status, body, _) = await target.SendAsync(HttpMethod.Post, "Users", ScimTarget.UserJson($"u{n}"));
                if (status != HttpStatusCode.Created) throw new InvalidOperationException($"seeding failed: {status} {body}");
                if (ids.Count + created.Count < 100_000) created.Add(JsonNode.Parse(body)!["id"]!.GetValue<string>());
            }
        }));
        ids.AddRange(created);
        Console.Error.WriteLine($"seeded {to:N0} users in tenant {target.Tenant}");
        return to;
    }

    private async Task<LatencyRecorder> RunAsync(int clients, Func<int, int, Task<(bool Ok, TimeSpan Latency)>> request)
    {
        var recorder = new LatencyRecorder();
        var deadline = DateTime.UtcNow + options.Duration;
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async worker =>
        {
            for (var i = 0; DateTime.UtcNow < deadline; i++)
            {
                try
                {
                    var (ok, latency) = await request(worker, i);
                    if (ok) recorder.Record(latency);
                    else recorder.Error();
                }
                catch (HttpRequestException)
                {
                    recorder.Error();
                }
            }
        }));
        return recorder;
    }
}
