namespace Scim.Grains.Interfaces.Groups;

/// <summary>One page of a group's members of every source, by member id; <see cref="Next"/> continues it, if more follow.</summary>
[GenerateSerializer, Immutable, Alias("scim.MemberListing")]
public sealed record MemberListing([property: Id(0)] IReadOnlyList<MemberEntry> Members, [property: Id(1)] string? Next);

/// <summary>A member of a group with every source it is a member from, and its userName when the user exists.</summary>
[GenerateSerializer, Immutable, Alias("scim.MemberEntry")]
public sealed record MemberEntry(
    [property: Id(0)] string UserId,
    [property: Id(1)] string? UserName,
    [property: Id(2)] IReadOnlyList<MembershipSource> Sources);
