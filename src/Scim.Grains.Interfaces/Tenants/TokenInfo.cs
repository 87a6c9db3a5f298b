namespace Scim.Grains.Interfaces.Tenants;

/// <summary>
/// A token as lists show it. <see cref="State"/> is active, retiring (working until <see cref="WorksUntil"/>, then
/// superseded), superseded (a newer token of its identity provider replaced it) or revoked. <see cref="LastUsed"/> is
/// kept to the minute.
/// </summary>
[GenerateSerializer, Immutable, Alias("scim.TokenInfo")]
public sealed record TokenInfo(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string IdentityProvider,
    [property: Id(3)] DateTimeOffset Created,
    [property: Id(4)] string CreatedBy,
    [property: Id(5)] DateTimeOffset? LastUsed,
    [property: Id(6)] string State,
    [property: Id(7)] DateTimeOffset? WorksUntil);
