namespace Scim.Grains.Interfaces.Groups;

/// <summary>
/// Rendered SCIM members of a group that follow a rendered resource: <see cref="Json"/> holds the member objects
/// separated by commas (empty when the page had none to show), <see cref="Next"/> the id to continue after, if any.
/// </summary>
[GenerateSerializer, Immutable, Alias("scim.MemberChunk")]
public sealed record MemberChunk([property: Id(0)] string Json, [property: Id(1)] string? Next);
