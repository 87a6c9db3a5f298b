namespace Scim.Grains.Interfaces.Platform;

/// <summary>How a sign-in ended. Pages show every refusal alike, so that no answer tells whether a user exists.</summary>
[GenerateSerializer, Immutable, Alias("scim.SignInDecision")]
public sealed record SignInDecision(
    [property: Id(0)] SignInOutcome Outcome,
    [property: Id(1)] string? UserId,
    [property: Id(2)] bool MustChangePassword);
