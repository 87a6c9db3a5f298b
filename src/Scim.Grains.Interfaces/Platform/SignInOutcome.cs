namespace Scim.Grains.Interfaces.Platform;

/// <summary>Why a sign-in was let in or refused (the reason is for logs, never for the person signing in).</summary>
public enum SignInOutcome
{
    SignedIn,
    WrongPassword,
    UnknownUser,
    LockedOut,
    Inactive,

    /// <summary>The tenant signs in through its identity provider only, and the user is not its owner.</summary>
    SsoRequired,

    /// <summary>The identity provider's e-mail address is not in a domain the tenant lets in.</summary>
    DomainNotAllowed,

    /// <summary>Two users match the identity provider's claim: which one is meant cannot be told.</summary>
    Ambiguous,
}
