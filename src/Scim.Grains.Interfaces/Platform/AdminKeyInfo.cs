namespace Scim.Grains.Interfaces.Platform;

/// <summary>An admin key as lists show it: never the secret.</summary>
[GenerateSerializer, Immutable, Alias("scim.AdminKeyInfo")]
public sealed record AdminKeyInfo(
    [property: Id(0)] string Id,
    [property: Id(1)] string UserId,
    [property: Id(2)] DateTimeOffset Created,
    [property: Id(3)] DateTimeOffset? Revoked);
