namespace Scim.Grains.Interfaces.Platform;

/// <summary>
/// A tenant's OpenID Connect sign-in, as a platform admin sets it: the issuer (its discovery document lives under it),
/// the client registered there, the claim that names the person and the attribute it matches, the e-mail domains let
/// in (none: any), and whether password sign-in is off for everyone but the owner. The client secret is held only as
/// ASP.NET Core Data Protection ciphertext (<see cref="ProtectedClientSecret"/>); null on a save keeps the stored one.
/// </summary>
[GenerateSerializer, Immutable, Alias("scim.SsoConfiguration")]
public sealed record SsoConfiguration(
    [property: Id(0)] string Issuer,
    [property: Id(1)] string ClientId,
    [property: Id(2)] string? ProtectedClientSecret,
    [property: Id(3)] string Claim,
    [property: Id(4)] SsoMatchAttribute MatchAttribute,
    [property: Id(5)] IReadOnlyList<string> AllowedEmailDomains,
    [property: Id(6)] bool SsoOnly,
    [property: Id(7)] string? DisplayName);
