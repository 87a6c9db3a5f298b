namespace Scim.Grains.Interfaces.Platform;

/// <summary>A page of a tenant's users as the platform lists them, and how many match in all.</summary>
[GenerateSerializer, Immutable, Alias("scim.PlatformUserList")]
public sealed record PlatformUserList([property: Id(0)] int Total, [property: Id(1)] IReadOnlyList<PlatformUserSummary> Users);

/// <summary>A user in the platform's list: who, whether active, who created it (the platform or the IdP), and its role.</summary>
[GenerateSerializer, Immutable, Alias("scim.PlatformUserSummary")]
public sealed record PlatformUserSummary(
    [property: Id(0)] string Id,
    [property: Id(1)] string UserName,
    [property: Id(2)] string? DisplayName,
    [property: Id(3)] string? Email,
    [property: Id(4)] bool Active,
    [property: Id(5)] bool CreatedByPlatform,
    [property: Id(6)] PlatformRole Role);
