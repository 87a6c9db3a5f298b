namespace Scim.Grains.Tenants;

/// <summary>A stored token: never the secret, only its SHA-256 hash.</summary>
[GenerateSerializer, Immutable, Alias("scim.TokenRecord")]
public sealed record TokenRecord(
    [property: Id(0)] string Id,
    [property: Id(1)] byte[] SecretHash,
    [property: Id(2)] string IdentityProvider,
    [property: Id(3)] DateTimeOffset Created);
