namespace Scim.Grains.Interfaces.Groups;

/// <summary>A group as the hierarchy shows it: its id and displayName.</summary>
[GenerateSerializer, Immutable, Alias("scim.GroupNode")]
public sealed record GroupNode([property: Id(0)] string Id, [property: Id(1)] string DisplayName);

/// <summary>One page of a group's children, by id; <see cref="Next"/> continues it, if more follow.</summary>
[GenerateSerializer, Immutable, Alias("scim.GroupPage")]
public sealed record GroupPage([property: Id(0)] IReadOnlyList<GroupNode> Groups, [property: Id(1)] string? Next);
