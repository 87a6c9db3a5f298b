using Scim.Benchmark;

// A load generator for any running service: creates its own tenants through the operator API, then measures
// throughput and p50/p99 latency of reads, lookups, user PATCHes and the IdP's reconcile cycle in a growing tenant
// (with the service's memory per user when its pid is given), user creates, single-member group PATCHes and reads of
// whole large groups, and a CSV import of users. `report FILE` prints the goals the figures of one run are held to.
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
var scenarios = new Scenarios(options);
// First, while the service holds nothing else: its memory per user is measured as the first tenant grows.
await scenarios.ReadsAndLookupsAsync();
await scenarios.CreatesAsync();
if (options.Verifies) await scenarios.ImportAsync();
await scenarios.GroupPatchesAsync();
if (options.Verifies) await scenarios.VerifyAsync();
return Environment.ExitCode;
