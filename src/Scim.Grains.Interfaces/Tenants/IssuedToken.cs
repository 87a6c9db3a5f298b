namespace Scim.Grains.Interfaces.Tenants;

/// <summary>A newly issued bearer token: its id and its secret value, which is shown only in this response.</summary>
[GenerateSerializer, Immutable, Alias("scim.IssuedToken")]
public sealed record IssuedToken(
    [property: Id(0)] string Id,
    [property: Id(1)] string Token,
    [property: Id(2)] string IdentityProvider,
    [property: Id(3)] DateTimeOffset Created,
    [property: Id(4)] string Name = "",
    [property: Id(5)] string CreatedBy = "");
