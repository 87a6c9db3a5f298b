namespace Scim.Grains.Interfaces.Import;

/// <summary>What became of one new user of an import's batch: its id once created, or why it was refused (a 4xx's message).</summary>
[GenerateSerializer, Immutable, Alias("scim.ImportedUser")]
public sealed record ImportedUser([property: Id(0)] string? Id, [property: Id(1)] string? Refusal);
