using System.Globalization;

namespace Scim.Benchmark;

/// <summary>Command-line settings: <c>--name value</c> pairs; lists are comma-separated.</summary>
public sealed record BenchmarkOptions(
    Uri Url,
    string OperatorKey,
    IReadOnlyList<int> CreateClients,
    int Clients,
    TimeSpan Duration,
    IReadOnlyList<int> LookupSizes,
    IReadOnlyList<int> GroupSizes,
    int? ServicePid,
    int ImportRows,
    string Mode,
    string? ResultsPath,
    IReadOnlyList<int> VerifyClients,
    BenchmarkOptions.Pairing? Paired = null,
    int Round = 1)
{
    /// <summary>A second service measured side by side with the first, in turns of <paramref name="Slice"/>.</summary>
    public sealed record Pairing(Uri Url, int? ServicePid, string Mode, TimeSpan Slice);

    /// <summary>The options of the second service of a pairing.</summary>
    public BenchmarkOptions ForPaired() =>
        Paired is { } paired ? this with { Url = paired.Url, ServicePid = paired.ServicePid, Mode = paired.Mode, Paired = null } : this;

    /// <summary>The mode name of the no-work server: nothing it answers is stored, so nothing is verified or seeded for real.</summary>
    public const string NoWork = "no-work";

    public bool Verifies => Mode != NoWork;

    public const string Usage = """
        usage: Scim.Benchmark --url http://127.0.0.1:5000 --operator-key KEY
                             [--create-clients 16,64] [--clients 16] [--seconds 10]
                             [--lookup-sizes 1000,100000] [--group-sizes 1000,100000]
                             [--service-pid PID]   (Linux: the service's memory per user and its peak over whole groups)
                             [--import-rows 20000]   (the users of the CSV import measured; 0 leaves it out)
                             [--verify-clients 16,64]   (the checks' concurrencies: raced userNames, own writes read
                                back, acknowledged member adds kept)
                             [--mode NAME --results FILE]   (append each figure to FILE as NAME, key, value)
                             [--round N]   (the run's number, when several runs append to one FILE; names their slices)
                             [--paired-url URL --paired-mode NAME [--paired-pid PID] [--slice-seconds 1]]
                                (a second service, measured in turns with the first: each measurement alternates
                                 between the two in slices, so that the machine's drift falls on both alike)
               Scim.Benchmark report FILE   (each goal of the benchmark with its figures and ratio)
        """;

    public static BenchmarkOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal)) throw new ArgumentException($"Unexpected argument '{args[i]}'.\n{Usage}");
            values[args[i][2..]] = args[i + 1];
        }
        string Required(string name) => values.TryGetValue(name, out var value) ? value : throw new ArgumentException($"--{name} is required.\n{Usage}");
        IReadOnlyList<int> List(string name, string fallback) =>
            (values.GetValueOrDefault(name) ?? fallback).Split(',', StringSplitOptions.RemoveEmptyEntries)
                .Select(v => int.Parse(v, CultureInfo.InvariantCulture)).ToList();
        return new BenchmarkOptions(
            new Uri(Required("url").TrimEnd('/') + "/"),
            Required("operator-key"),
            List("create-clients", "16,64"),
            int.Parse(values.GetValueOrDefault("clients") ?? "16", CultureInfo.InvariantCulture),
            TimeSpan.FromSeconds(double.Parse(values.GetValueOrDefault("seconds") ?? "10", CultureInfo.InvariantCulture)),
            List("lookup-sizes", "1000,100000"),
            List("group-sizes", "1000,100000"),
            values.TryGetValue("service-pid", out var pid) ? int.Parse(pid, CultureInfo.InvariantCulture) : null,
            int.Parse(values.GetValueOrDefault("import-rows") ?? "20000", CultureInfo.InvariantCulture),
            values.GetValueOrDefault("mode") ?? "service",
            values.GetValueOrDefault("results"),
            List("verify-clients", "16,64"),
            values.TryGetValue("paired-url", out var pairedUrl)
                ? new Pairing(new Uri(pairedUrl.TrimEnd('/') + "/"),
                    values.TryGetValue("paired-pid", out var pairedPid) ? int.Parse(pairedPid, CultureInfo.InvariantCulture) : null,
                    Required("paired-mode"),
                    TimeSpan.FromSeconds(double.Parse(values.GetValueOrDefault("slice-seconds") ?? "1", CultureInfo.InvariantCulture)))
                : null,
            int.Parse(values.GetValueOrDefault("round") ?? "1", CultureInfo.InvariantCulture));
    }
}
