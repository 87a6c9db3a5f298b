using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace Scim.Benchmark;

/// <summary>
/// The measured scenarios. Each runs a number of workers for a fixed time, records acknowledged requests, prints the
/// figure and records it under its key for the report. With an <paramref name="alternation"/>, the scenarios of two
/// services run side by side and each measurement is taken in turns with the other side's.
/// </summary>
public sealed class Scenarios(BenchmarkOptions options, Alternation? alternation = null)
{
    /// <summary>The prefix of a figure's key under which the service's CPU microseconds per request of it are recorded.</summary>
    public const string CpuKey = "cpu/";

    /// <summary>The prefix of the key of the service's resident memory per stored user, at a tenant's size.</summary>
    public const string MemoryPerUserKey = "memory-per-user/";

    /// <summary>
    /// The prefix of the key of one slice's requests per second, measured in turns with the other service:
    /// <c>slice/get/1000/2-3</c> is the fourth slice of <c>get/1000</c> in the run numbered 2 (<c>--round</c>), and the other
    /// service's slice of the same key ran next to it.
    /// </summary>
    public const string SliceKey = "slice/";

    private readonly BenchmarkResults results = new(options.Mode, options.ResultsPath);

    // The slices recorded so far under each key: a key measured in several runs numbers its slices on.
    private readonly Dictionary<string, int> slicesRecorded = [];

    /// <summary>Whether the service stores what it is sent, so that the scenarios check it (not the no-work server).</summary>
    public bool Verifies => options.Verifies;

    private void Report(LatencyRecorder recorder, string key, string name)
    {
        Print(recorder.Summary(name));
        results.Record(key, recorder.PerSecond);
        if (recorder.CpuMicrosecondsPerRequest is { } cpu) results.Record(CpuKey + key, cpu);
        RecordSlices(key, recorder);
    }

    private void RecordSlices(string key, LatencyRecorder recorder)
    {
        var next = slicesRecorded.GetValueOrDefault(key);
        foreach (var rate in recorder.SliceRates) results.Record($"{SliceKey}{key}/{options.Round}-{next++}", rate);
        slicesRecorded[key] = next;
    }

    /// <summary>
    /// User creates at each configured concurrency, in tenants without and with temporary-password e-mails (each create
    /// then also writes an outbox row, and the silo sends the mail while the creates go on). The two kinds run twice each,
    /// in fresh tenants, in the order plain, mailed, mailed, plain, so that both kinds stand on average as late in the
    /// sequence: every run leaves its users (and a mailed run its unsent mail) in the process and the database, and each
    /// run costs more than the one before; each figure is the mean of its two runs.
    /// </summary>
    public async Task CreatesAsync()
    {
        // The mail path's first use (its code, its statements, the accounts' grains) is warmed before anything is measured.
        var warmUp = await ScimTarget.CreateTenantAsync(options, "okta", mailTemporaryPasswords: true);
        await SettleAsync(async (worker, i) =>
        {
            var (status, _, latency) = await warmUp.SendAsync(HttpMethod.Post, "Users", ScimTarget.UserJson($"warm-{worker}-{i}-{Guid.NewGuid():N}"));
            return (status == HttpStatusCode.Created, latency);
        });
        foreach (var clients in options.CreateClients)
        {
            var figures = new Dictionary<bool, List<double>> { [false] = [], [true] = [] };
            foreach (var mail in new[] { false, true, true, false })
            {
                var target = await ScimTarget.CreateTenantAsync(options, "okta", mail);
                var recorder = await RunAsync(clients, async (worker, i) =>
                {
                    var (status, _, latency) = await target.SendAsync(HttpMethod.Post, "Users", ScimTarget.UserJson($"c{worker}-{i}"));
                    return (status == HttpStatusCode.Created, latency);
                });
                Print(recorder.Summary($"user creates, {clients} clients" + (mail ? ", temporary passwords mailed" : "")));
                figures[mail].Add(recorder.PerSecond);
                RecordSlices($"{(mail ? "create-mailed" : "create")}/{clients}", recorder);
                // Recorded per round: the report takes the best round of a key recorded more than once.
                if (recorder.CpuMicrosecondsPerRequest is { } cpu) results.Record($"{CpuKey}{(mail ? "create-mailed" : "create")}/{clients}", cpu);
            }
            results.Record($"create/{clients}", figures[false].Average());
            results.Record($"create-mailed/{clients}", figures[true].Average());
        }
    }

    /// <summary>
    /// A CSV import of new users through the tenant admin API, as an admin migrating a platform runs one: the file is
    /// checked, then applied; each phase's rows per second is printed, and the apply phase's recorded, to be read next to
    /// the SCIM creates.
    /// </summary>
    public async Task ImportAsync()
    {
        if (options.ImportRows == 0) return;
        var target = await ScimTarget.CreateTenantAsync(options, "okta");
        var file = new StringBuilder("userName,email,givenName,familyName,active\n");
        for (var i = 0; i < options.ImportRows; i++) file.Append(CultureInfo.InvariantCulture, $"import-{i}@bench.example,import-{i}@bench.example,Bench,User {i},true\n");
        var clock = Stopwatch.StartNew();
        var (status, started) = await target.SendAdminAsync(HttpMethod.Post, "imports", new StringContent(file.ToString(), Encoding.UTF8, "text/csv"));
        if (status != HttpStatusCode.Accepted) throw new InvalidOperationException($"The import was refused: {status} {started}");
        var id = started!["id"]!.GetValue<string>();
        await WaitForImportAsync(target, id, "checked");
        var checkedIn = clock.Elapsed;
        await target.SendAdminAsync(HttpMethod.Post, $"imports/{id}/apply");
        var done = await WaitForImportAsync(target, id, "done");
        var appliedIn = clock.Elapsed - checkedIn;
        var created = done["counts"]!["create"]!.GetValue<int>();
        if (created != options.ImportRows) throw new InvalidOperationException($"The import created {created} of {options.ImportRows} users.");
        Print(string.Create(CultureInfo.InvariantCulture,
            $"CSV import of {options.ImportRows:N0} users: checked at {options.ImportRows / checkedIn.TotalSeconds:N0} rows/s, applied at {options.ImportRows / appliedIn.TotalSeconds:N0} rows/s"));
        results.Record("import", options.ImportRows / appliedIn.TotalSeconds);
    }

    private static async Task<JsonNode> WaitForImportAsync(ScimTarget target, string id, string phase)
    {
        while (true)
        {
            var (_, job) = await target.SendAdminAsync(HttpMethod.Get, $"imports/{id}");
            var now = job!["phase"]!.GetValue<string>();
            if (now == "failed") throw new InvalidOperationException($"The import failed: {job["error"]}");
            if (now == phase) return job;
            await Task.Delay(50);
        }
    }

    /// <summary>The tenant of the lookups holds a group for every this many users.</summary>
    private const int GroupEvery = 10;

    /// <summary>
    /// In a tenant grown to each configured size: GET by id, userName and externalId lookups, group displayName lookups
    /// (the tenant holding a group for every <see cref="GroupEvery"/> users), user PATCHes, and at the largest size the
    /// IdP's reconcile cycle. The first seeding starts from a process that holds nothing else, so the
    /// service's resident memory per user is measured there.
    /// </summary>
    public async Task ReadsAndLookupsAsync()
    {
        var target = await ScimTarget.CreateTenantAsync(options, "okta");
        var memory = options.Verifies ? ServiceProcess.For(options.ServicePid) : null;
        var empty = memory?.ResidentBytes ?? 0;
        var ids = new List<string>();
        var (size, groups) = (0, 0);
        foreach (var wanted in options.LookupSizes)
        {
            size = await SeedUsersAsync(target, size, wanted, ids);
            if (memory is not null) ReportMemory(memory, empty, size);
            groups = await SeedGroupsAsync(target, groups, Math.Max(1, size / GroupEvery));
            if (size == options.LookupSizes[0]) await WarmUpAsync(target, ids);
            Report(await RunAsync(options.Clients, async (_, _) =>
            {
                var (status, _, latency) = await target.SendAsync(HttpMethod.Get, "Users/" + ids[Random.Shared.Next(ids.Count)]);
                return (status == HttpStatusCode.OK, latency);
            }), $"get/{size}", $"user reads by id, {size:N0} users");
            Report(await RunAsync(options.Clients, async (_, _) =>
            {
                var (status, body, latency) = await target.SendAsync(HttpMethod.Get, ScimTarget.UserNameLookup($"u{Random.Shared.Next(size)}"));
                return (status == HttpStatusCode.OK && FoundOne(body), latency);
            }), $"lookup/{size}", $"userName eq lookups, {size:N0} users");
            Report(await RunAsync(options.Clients, async (_, _) =>
            {
                var (status, body, latency) = await target.SendAsync(HttpMethod.Get, $"Users?filter=externalId%20eq%20%22x-u{Random.Shared.Next(size)}%22");
                return (status == HttpStatusCode.OK && FoundOne(body), latency);
            }), $"externalId/{size}", $"externalId eq lookups, {size:N0} users");
            Report(await RunAsync(options.Clients, async (_, _) =>
            {
                var (status, body, latency) = await target.SendAsync(HttpMethod.Get, ScimTarget.GroupNameLookup($"g{Random.Shared.Next(groups)}"));
                return (status == HttpStatusCode.OK && FoundOne(body), latency);
            }), $"group-lookup/{size}", $"group displayName eq lookups, {size:N0} users, {groups:N0} groups");
            Report(await RunAsync(options.Clients, async (_, i) =>
            {
                var (status, _, latency) = await target.SendAsync(HttpMethod.Patch, "Users/" + ids[Random.Shared.Next(ids.Count)], ScimTarget.ReplaceTwoAttributesJson(i));
                return (status is HttpStatusCode.OK or HttpStatusCode.NoContent, latency);
            }), $"patch/{size}", $"user PATCH (replace 2), {size:N0} users");
        }
        if (options.Verifies && size > 0) await ReconcileAsync(target, size);
    }

    /// <summary>
    /// Entra's provisioning cycle for one user: look it up by userName, create it when missing, then PATCH it. One user
    /// in ten is new. A cycle counts when every step answered as it should, and a created user must be found again.
    /// </summary>
    private async Task ReconcileAsync(ScimTarget target, int size)
    {
        var recorder = await RunAsync(options.Clients, async (worker, i) =>
        {
            var userName = i % 10 == 0 ? $"r{worker}-{i}" : $"u{Random.Shared.Next(size)}";
            var (status, body, lookup) = await target.SendAsync(HttpMethod.Get, ScimTarget.UserNameLookup(userName));
            if (status != HttpStatusCode.OK) return (false, lookup);
            var elapsed = lookup;
            var id = JsonNode.Parse(body)!["Resources"]?.AsArray().FirstOrDefault()?["id"]?.GetValue<string>();
            if (id is null)
            {
                var (created, createdBody, create) = await target.SendAsync(HttpMethod.Post, "Users", ScimTarget.UserJson(userName));
                elapsed += create;
                if (created != HttpStatusCode.Created) return (false, elapsed);
                id = JsonNode.Parse(createdBody)!["id"]!.GetValue<string>();
            }
            var (patched, _, patch) = await target.SendAsync(HttpMethod.Patch, "Users/" + id, ScimTarget.ReplaceTwoAttributesJson(i));
            return (patched is HttpStatusCode.OK or HttpStatusCode.NoContent, elapsed + patch);
        });
        Report(recorder, $"reconcile/{size}", $"reconcile cycles (lookup, create 1 in 10, PATCH), {size:N0} users");
        var (_, again, _) = await target.SendAsync(HttpMethod.Get, ScimTarget.UserNameLookup("r0-0"));
        if (!FoundOne(again))
        {
            Print($"{"",-44} a user created by the reconcile cycle is not found: {again}");
            Environment.ExitCode = 1;
        }
    }

    /// <summary>Untimed requests of each kind measured next, so that the first figures do not include the server's JIT.</summary>
    private Task WarmUpAsync(ScimTarget target, List<string> ids) =>
        SettleAsync(async (_, i) =>
        {
            var id = ids[Random.Shared.Next(ids.Count)];
            var (status, _, latency) = (i % 4) switch
            {
                0 => await target.SendAsync(HttpMethod.Get, "Users/" + id),
                1 => await target.SendAsync(HttpMethod.Get, ScimTarget.UserNameLookup("u0")),
                2 => await target.SendAsync(HttpMethod.Get, ScimTarget.GroupNameLookup("g0")),
                _ => await target.SendAsync(HttpMethod.Patch, "Users/" + id, ScimTarget.ReplaceTwoAttributesJson(i)),
            };
            return (status is HttpStatusCode.OK or HttpStatusCode.NoContent, latency);
        });

    /// <summary>
    /// Warms the service up with <paramref name="request"/> until its work per request has settled: the runtime compiles
    /// hot code again, optimized, in the background for a while after it is first run. Measured under perf, that thread
    /// still took a quarter of the service's CPU in the first measurements after a warm-up that waited only for two rounds
    /// of equal cost. With the service's process at hand, rounds of two seconds run until the tiered compilation is idle
    /// (under 1% of the round) and a round costs within 10% of CPU per request of the one before (at most 30 rounds);
    /// without it, one round of the measurement's duration.
    /// </summary>
    private async Task SettleAsync(Func<int, int, Task<(bool Ok, TimeSpan Latency)>> request)
    {
        var service = ServiceProcess.For(options.ServicePid);
        if (service is null)
        {
            await RunForAsync(options.Clients, request, options.Duration);
            return;
        }
        var round = TimeSpan.FromSeconds(2);
        double? before = null;
        for (var n = 1; n <= 30; n++)
        {
            var tiering = service.TieringThreads();
            var cost = (await RunForAsync(options.Clients, request, round)).CpuMicrosecondsPerRequest;
            var compiling = service.TieringSince(tiering) > round * 0.01;
            if (!compiling && cost is { } now && before is { } then && Math.Abs(now - then) <= 0.1 * then)
            {
                Progress($"warmed up in {n} rounds of 2 s");
                return;
            }
            before = cost;
        }
        Progress("warmed up for 30 rounds of 2 s without settling");
    }

    /// <summary>
    /// The checks the figures rest on, at each of <see cref="BenchmarkOptions.VerifyClients"/> concurrent clients (16 and
    /// 64 unless told), each in a fresh tenant: every userName raced by all clients at once is created exactly once (one
    /// 201, the rest 409, one user found); every client reads its own writes (a created user by id, a PATCHed value right
    /// after the PATCH); and every member add acknowledged while all clients add to one group is in the group afterwards.
    /// </summary>
    public async Task VerifyAsync()
    {
        foreach (var clients in options.VerifyClients)
        {
            var target = await ScimTarget.CreateTenantAsync(options, "okta");
            var duplicates = await RacedUserNamesAsync(target, clients);
            var stale = await UnreadWritesAsync(target, clients);
            // Entra's tenant: its single-member PATCHes are answered 204, which a group commits together as they queue.
            var (acknowledged, lost) = await LostMemberAddsAsync(await ScimTarget.CreateTenantAsync(options, "entra"), clients);
            // An add refused is a failed check too: with the rate limit lifted, every add is owed its 204.
            var refused = clients * MemberAddsPerClient - acknowledged;
            Print($"{"verify, " + clients + " clients",-44} {duplicates} of {RacedNames} raced userNames not created exactly once; " +
                $"{stale} of {clients * WritesPerClient} writes not read back; {lost} of {acknowledged} acknowledged member adds lost, {refused} refused");
            if (duplicates > 0 || stale > 0 || lost > 0 || refused > 0) Environment.ExitCode = 1;
        }
    }

    private const int RacedNames = 20;
    private const int WritesPerClient = 10;
    private const int MemberAddsPerClient = 20;

    /// <summary>The userNames, of <see cref="RacedNames"/> each POSTed by all clients at once, not created exactly once.</summary>
    private static async Task<int> RacedUserNamesAsync(ScimTarget target, int clients)
    {
        var duplicates = 0;
        for (var n = 0; n < RacedNames; n++)
        {
            var userName = $"race-{n}";
            var answers = await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => target.SendAsync(HttpMethod.Post, "Users", ScimTarget.UserJson(userName))));
            var (_, found, _) = await target.SendAsync(HttpMethod.Get, ScimTarget.UserNameLookup(userName));
            if (answers.Count(a => a.Status == HttpStatusCode.Created) != 1 || answers.Any(a => a.Status is not (HttpStatusCode.Created or HttpStatusCode.Conflict)) || !FoundOne(found))
                duplicates++;
        }
        return duplicates;
    }

    /// <summary>The writes, <see cref="WritesPerClient"/> from each client, that the same client did not read back right after.</summary>
    private static async Task<int> UnreadWritesAsync(ScimTarget target, int clients)
    {
        var stale = 0;
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async worker =>
        {
            for (var i = 0; i < WritesPerClient; i++)
            {
                var (created, body, _) = await target.SendAsync(HttpMethod.Post, "Users", ScimTarget.UserJson($"ryw-{worker}-{i}"));
                var id = created == HttpStatusCode.Created ? JsonNode.Parse(body)!["id"]!.GetValue<string>() : null;
                var (read, readBody, _) = id is null ? default : await target.SendAsync(HttpMethod.Get, "Users/" + id);
                if (read != HttpStatusCode.OK || !readBody.Contains($"\"ryw-{worker}-{i}\"", StringComparison.Ordinal))
                {
                    Interlocked.Increment(ref stale);
                    continue;
                }
                await target.SendAsync(HttpMethod.Patch, "Users/" + id, ScimTarget.ReplaceTwoAttributesJson(1000 + i));
                var (_, after, _) = await target.SendAsync(HttpMethod.Get, "Users/" + id);
                if (!after.Contains($"\"Bench User {1000 + i}\"", StringComparison.Ordinal)) Interlocked.Increment(ref stale);
            }
        }));
        return stale;
    }

    /// <summary>
    /// All clients add members to one new group at once, <see cref="MemberAddsPerClient"/> single-member PATCHes each
    /// (Entra's shape, answered 204): the adds acknowledged, and how many of them the group then lacks.
    /// </summary>
    private static async Task<(int Acknowledged, int Lost)> LostMemberAddsAsync(ScimTarget target, int clients)
    {
        var group = await CreateGroupAsync(target, "verify group");
        var acknowledged = new ConcurrentBag<string>();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async worker =>
        {
            for (var i = 0; i < MemberAddsPerClient; i++)
            {
                var member = $"verify-{worker}-{i}";
                var (status, _, _) = await target.SendAsync(HttpMethod.Patch, "Groups/" + group, ScimTarget.AddMembersJson([member]));
                if (status == HttpStatusCode.NoContent) acknowledged.Add(member);
            }
        }));
        return (acknowledged.Count, await LostMembersAsync(target, group, acknowledged));
    }

    private static bool FoundOne(string listBody) => listBody.Contains("\"totalResults\":1", StringComparison.Ordinal);

    /// <summary>The service's resident memory above the process before any user was seeded, per seeded user.</summary>
    private void ReportMemory(ServiceProcess memory, long empty, int users)
    {
        // A moment for the background work of the seeding (the provisioning log's batches) to settle.
        Thread.Sleep(TimeSpan.FromSeconds(3));
        var perUser = (memory.ResidentBytes - empty) / (double)users;
        Print(string.Create(CultureInfo.InvariantCulture,
            $"{"resident memory per user, " + users.ToString("N0", CultureInfo.InvariantCulture) + " users",-44} {perUser,9:F0} bytes   ({memory.ResidentBytes / (1 << 20):N0} MiB resident, {empty / (1 << 20):N0} MiB before seeding)"));
        results.Record($"{MemoryPerUserKey}{users}", perUser);
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
            var group = await CreateGroupAsync(target, "bench group");
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
            Report(recorder, $"member-add/{size}", $"add-1-member PATCH, group of {size:N0}");
            if (!options.Verifies) continue;
            var lost = await LostMembersAsync(target, group, acknowledged);
            Print($"{"",-44} {acknowledged.Count} acknowledged adds, {lost} lost");
            if (lost > 0) Environment.ExitCode = 1;
        }
    }

    /// <summary>
    /// Reads of the whole group one at a time (its time, body size and the service's peak memory over them), then reads
    /// without members from many clients (which must not depend on the group's size).
    /// </summary>
    private async Task GroupReadsAsync(ScimTarget target, string group, int size)
    {
        var memory = ServiceProcess.For(options.ServicePid);
        var (_, body, _) = await target.SendAsync(HttpMethod.Get, "Groups/" + group);
        memory?.ResetPeak();
        var before = memory?.ResidentBytes ?? 0;
        var whole = await RunAsync(1, async (_, _) =>
        {
            var (status, _, latency) = await target.SendAsync(HttpMethod.Get, "Groups/" + group);
            return (status == HttpStatusCode.OK, latency);
        });
        var peak = memory?.PeakBytes ?? 0;
        Print(whole.Summary($"GET whole group of {size:N0}, 1 client"));
        const double MiB = 1 << 20;
        Print(memory is null
            ? $"{"",-44} body {body.Length / MiB:F1} MiB (pass --service-pid for the service's peak memory)"
            : $"{"",-44} body {body.Length / MiB:F1} MiB; service peak RSS {peak / MiB:F0} MiB = {(peak - before) / MiB:F1} MiB over its {before / MiB:F0} MiB before");
        var excluded = await RunAsync(options.Clients, async (_, _) =>
        {
            var (status, _, latency) = await target.SendAsync(HttpMethod.Get, $"Groups/{group}?excludedAttributes=members");
            return (status == HttpStatusCode.OK, latency);
        });
        Print(excluded.Summary($"GET group of {size:N0}, excludedAttributes=members"));
    }

    /// <summary>Creates an empty group; its id.</summary>
    private static async Task<string> CreateGroupAsync(ScimTarget target, string displayName)
    {
        var (created, body, _) = await target.SendAsync(HttpMethod.Post, "Groups",
            $$"""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"{{displayName}}"}""");
        if (created != HttpStatusCode.Created) throw new InvalidOperationException($"group create failed: {created} {body}");
        return JsonNode.Parse(body)!["id"]!.GetValue<string>();
    }

    private static async Task<int> LostMembersAsync(ScimTarget target, string group, IEnumerable<string> acknowledged)
    {
        var (_, body, _) = await target.SendAsync(HttpMethod.Get, "Groups/" + group);
        var members = JsonNode.Parse(body)!["members"]!.AsArray().Select(m => m!["value"]!.GetValue<string>()).ToHashSet(StringComparer.Ordinal);
        return acknowledged.Count(id => !members.Contains(id));
    }

    /// <summary>Runs <paramref name="create"/> for each number from <paramref name="from"/> to <paramref name="to"/> - 1, 64 at a time.</summary>
    private static Task SeedAsync(int from, int to, Func<int, Task> create) =>
        Parallel.ForAsync(from, to, new ParallelOptions { MaxDegreeOfParallelism = 64 }, (n, _) => new ValueTask(create(n)));

    /// <summary>Creates groups g{from}..g{to-1}, without members, with many concurrent requests (not measured).</summary>
    private async Task<int> SeedGroupsAsync(ScimTarget target, int from, int to)
    {
        await SeedAsync(from, to, n => CreateGroupAsync(target, $"g{n}"));
        Progress($"seeded {to:N0} groups in tenant {target.Tenant}");
        return to;
    }

    /// <summary>Creates users u{from}..u{to-1} with many concurrent requests (not measured).</summary>
    private async Task<int> SeedUsersAsync(ScimTarget target, int from, int to, List<string> ids)
    {
        var created = new ConcurrentBag<string>();
        await SeedAsync(from, to, async n =>
        {
            var (status, body, _) = await target.SendAsync(HttpMethod.Post, "Users", ScimTarget.UserJson($"u{n}"));
            if (status != HttpStatusCode.Created) throw new InvalidOperationException($"seeding failed: {status} {body}");
            if (ids.Count + created.Count < 100_000) created.Add(JsonNode.Parse(body)!["id"]!.GetValue<string>());
        });
        ids.AddRange(created);
        Progress($"seeded {to:N0} users in tenant {target.Tenant}");
        return to;
    }

    /// <summary>
    /// One measurement: <paramref name="clients"/> workers sending <paramref name="request"/> for the configured time. A
    /// worker's requests are numbered on from one slice of an alternation to the next, so that the names they create stay
    /// new.
    /// </summary>
    private Task<LatencyRecorder> RunAsync(int clients, Func<int, int, Task<(bool Ok, TimeSpan Latency)>> request)
    {
        var sent = new int[clients];
        return alternation is null
            ? RunForAsync(clients, request, options.Duration, sent)
            : alternation.MeasureAsync(slice => RunForAsync(clients, request, slice, sent));
    }

    /// <summary>Workers sending requests for <paramref name="duration"/>; <paramref name="sent"/> counts each worker's requests so far.</summary>
    private async Task<LatencyRecorder> RunForAsync(int clients, Func<int, int, Task<(bool Ok, TimeSpan Latency)>> request, TimeSpan duration,
        int[]? sent = null)
    {
        sent ??= new int[clients];
        var service = ServiceProcess.For(options.ServicePid);
        var cpuBefore = service?.CpuTime;
        var recorder = new LatencyRecorder();
        var deadline = DateTime.UtcNow + duration;
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async worker =>
        {
            while (DateTime.UtcNow < deadline)
            {
                var i = sent[worker]++;
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
        recorder.Stop();
        recorder.ServiceCpu = service?.CpuTime - cpuBefore;
        return recorder;
    }

    /// <summary>A line of the report; side by side with another service, marked with this one's mode.</summary>
    private void Print(string line) => Console.WriteLine(Marked(line));

    /// <summary>A line of progress, on standard error, marked as <see cref="Print"/> marks the report's.</summary>
    private void Progress(string line) => Console.Error.WriteLine(Marked(line));

    private string Marked(string line) => alternation is null ? line : $"[{options.Mode}] {line}";
}
