namespace Scim.Grains.Interfaces.Platform;

/// <summary>Why a sign-in was let in or refused (the reason is for logs, never for the person signing in).</summary>
public enum SignInOutcome { SignedIn, WrongPassword, UnknownUser, LockedOut, Inactive }
