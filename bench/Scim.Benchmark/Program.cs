using Scim.Benchmark;

// A load generator for any running service: creates its own tenants through the operator API, then measures
// throughput and p50/p99 latency of user creates, reads, userName lookups, single-member group PATCHes and reads of
// whole large groups (with the service's peak memory when its pid is given).
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
Console.WriteLine($"target {options.Url}  duration {options.Duration.TotalSeconds:F0} s per measurement  {Environment.ProcessorCount} cores");
var scenarios = new Scenarios(options);
await scenarios.CreatesAsync();
await scenarios.GroupPatchesAsync();
await scenarios.ReadsAndLookupsAsync();
return Environment.ExitCode;
