namespace Scim.Grains.Interfaces.Tenants;

/// <summary>Who a valid token speaks for: its id and the identity provider it was issued to.</summary>
[GenerateSerializer, Immutable, Alias("scim.TokenIdentity")]
public sealed record TokenIdentity(
    [property: Id(0)] string TokenId,
    [property: Id(1)] string IdentityProvider);
