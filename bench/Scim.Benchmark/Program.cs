using Scim.Benchmark;

// A load generator for any running service: creates its own tenants through the operator API, then measures
// throughput and p50/p99 latency of reads, lookups, user PATCHes and the IdP's reconcile cycle in a growing tenant
// (with the service's memory per user when its pid is given), user creates, single-member group PATCHes and reads of
// whole large groups, and a CSV import of users; with --paired-url, of two services in turns. `report FILE` prints the
// goals the figures of one run are held to.
if (args is ["report", var resultsPath]) return Goals.Report(resultsPath);
BenchmarkOptions options;
try
{
    options = BenchmarkOptions.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}
Console.WriteLine($"target {options.Url} ({options.Mode})  duration {options.Duration.TotalSeconds:F0} s per measurement  {Environment.ProcessorCount} cores");
if (options.Paired is not { } paired) return await RunAsync(new Scenarios(options));
Console.WriteLine($"   in turns of {paired.Slice.TotalSeconds:F1} s with {paired.Url} ({paired.Mode})");
var alternation = new Alternation(options.Duration, paired.Slice);
var codes = await Task.WhenAll(RunSideAsync(options), RunSideAsync(options.ForPaired()));
return codes.Max();

async Task<int> RunSideAsync(BenchmarkOptions side)
{
    try
    {
        return await RunAsync(new Scenarios(side, alternation));
    }
    finally
    {
        alternation.Leave();
    }
}

static async Task<int> RunAsync(Scenarios scenarios)
{
    // First, while the service holds nothing else: its memory per user is measured as the first tenant grows.
    await scenarios.ReadsAndLookupsAsync();
    await scenarios.CreatesAsync();
    if (scenarios.Verifies) await scenarios.ImportAsync();
    await scenarios.GroupPatchesAsync();
    if (scenarios.Verifies) await scenarios.VerifyAsync();
    return Environment.ExitCode;
}
