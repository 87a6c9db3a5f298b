namespace Scim.Grains.Interfaces.Tenants;

/// <summary>What a new token is for: its identity provider, a name to tell it apart, how long the token it replaces keeps working, and who asked.</summary>
[GenerateSerializer, Immutable, Alias("scim.TokenRequest")]
public sealed record TokenRequest(
    [property: Id(0)] string IdentityProvider,
    [property: Id(1)] string? Name,
    [property: Id(2)] int OverlapMinutes,
    [property: Id(3)] string CreatedBy)
{
    public const int MaxOverlapMinutes = 1440;
    public const int MaxNameLength = 100;
}
