namespace Scim.Grains.Interfaces.Platform;

/// <summary>
/// What a platform admin chooses on the SCIM integration page: the identity provider, and whether newly created users
/// get an e-mail with a temporary password (stored and shown; sent once accounts have passwords).
/// </summary>
[GenerateSerializer, Immutable, Alias("scim.ScimSettings")]
public sealed record ScimSettings(
    [property: Id(0)] string? IdentityProvider,
    [property: Id(1)] bool SendTemporaryPasswordEmail);
