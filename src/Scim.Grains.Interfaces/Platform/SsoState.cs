namespace Scim.Grains.Interfaces.Platform;

/// <summary>
/// A tenant's single sign-on as stored: its configuration, which <see cref="Version"/> of it a test sign-in proved
/// (<see cref="Verified"/>; changing the issuer, client or claim needs a new test), and who changed it last. Sign-in is
/// offered, and "SSO only" enforced, only while the configuration is verified.
/// </summary>
[GenerateSerializer, Immutable, Alias("scim.SsoState")]
public sealed record SsoState(
    [property: Id(0)] SsoConfiguration Configuration,
    [property: Id(1)] int Version,
    [property: Id(2)] bool Verified,
    [property: Id(3)] DateTimeOffset? VerifiedAt,
    [property: Id(4)] string? VerifiedBy,
    [property: Id(5)] DateTimeOffset Updated,
    [property: Id(6)] string UpdatedBy);
