namespace Scim.Grains.Interfaces.Import;

/// <summary>What an import does (or would do) with one row: the action, why a row is refused, and the user's id once it exists.</summary>
[GenerateSerializer, Immutable, Alias("scim.ImportOutcome")]
public sealed record ImportOutcome(
    [property: Id(0)] int Line,
    [property: Id(1)] string? UserName,
    [property: Id(2)] ImportAction Action,
    [property: Id(3)] string? Reason = null,
    [property: Id(4)] string? UserId = null);
