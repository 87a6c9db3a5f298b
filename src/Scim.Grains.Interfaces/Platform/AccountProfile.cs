namespace Scim.Grains.Interfaces.Platform;

/// <summary>What a signed-in user's home page shows: who they are and the groups they are in, directly or through the tree.</summary>
[GenerateSerializer, Immutable, Alias("scim.AccountProfile")]
public sealed record AccountProfile(
    [property: Id(0)] string UserId,
    [property: Id(1)] string UserName,
    [property: Id(2)] string? DisplayName,
    [property: Id(3)] string? Email,
    [property: Id(4)] PlatformRole Role,
    [property: Id(5)] IReadOnlyList<ProfileGroup> Groups,
    [property: Id(6)] bool MustChangePassword);

/// <summary>A group of a profile: direct when the user is a member, indirect when a group below it holds the user.</summary>
[GenerateSerializer, Immutable, Alias("scim.ProfileGroup")]
public sealed record ProfileGroup(
    [property: Id(0)] string Id,
    [property: Id(1)] string? Display,
    [property: Id(2)] bool Direct);
