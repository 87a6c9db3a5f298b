namespace Scim.Grains.Interfaces.Import;

/// <summary>
/// An import job as its pages show it: the file, who started it, the phase, how many rows the phase has done (and, once
/// checked, how many the file has), what the phase did or would do with them, and why a job failed.
/// <see cref="Holder"/> is the API process that holds the uploaded file and does the work, last heard from at
/// <see cref="HolderSeen"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("scim.ImportJob")]
public sealed record ImportJob(
    [property: Id(0)] string Id,
    [property: Id(1)] string FileName,
    [property: Id(2)] string StartedBy,
    [property: Id(3)] DateTimeOffset Started,
    [property: Id(4)] ImportPhase Phase,
    [property: Id(5)] int RowsDone,
    [property: Id(6)] int? TotalRows,
    [property: Id(7)] IReadOnlyDictionary<ImportAction, int> Counts,
    [property: Id(8)] bool Invite,
    [property: Id(9)] string? Error,
    [property: Id(10)] string Holder,
    [property: Id(11)] DateTimeOffset HolderSeen);
