using Scim.Grains.Interfaces.Platform;

namespace Scim.Api.SingleSignOn;

/// <summary>Why a sign-in through the identity provider was refused, as the refusal page and the log name it.</summary>
public static class SsoRefusals
{
    public const string UnknownUser = "unknown-user";
    public const string Inactive = "inactive";
    public const string Domain = "domain";
    public const string Ambiguous = "ambiguous";
    public const string UnverifiedEmail = "unverified-email";
    public const string MissingClaim = "missing-claim";
    public const string Failed = "failed";
    public const string Unreachable = "unreachable";
    public const string NotConfigured = "not-configured";

    public static string Of(SignInOutcome outcome) => outcome switch
    {
        SignInOutcome.Inactive => Inactive,
        SignInOutcome.DomainNotAllowed => Domain,
        SignInOutcome.Ambiguous => Ambiguous,
        _ => UnknownUser,
    };

    /// <summary>What the person reads, and what to do next.</summary>
    public static string Explain(string? reason, string provider) => reason switch
    {
        UnknownUser => $"{provider} signed you in, but no user of this platform matches your account. People get access when your administrator assigns them to this platform in {provider}; ask them to check that you are assigned.",
        Inactive => $"Your account on this platform is deactivated. Ask your administrator to reactivate it in {provider}.",
        Domain => $"Your {provider} account's e-mail address is not in a domain this platform lets in. Sign in with your work account, or ask your administrator.",
        Ambiguous => "More than one user of this platform matches your account, so which one you are cannot be told. Ask your administrator to correct the users.",
        UnverifiedEmail => $"{provider} has not verified your e-mail address. Verify it there, then sign in again.",
        MissingClaim => $"{provider} did not say who you are in the way this platform expects. Ask your administrator to check the single sign-on settings.",
        Unreachable => $"{provider} cannot be reached right now. Try again in a few minutes; if it goes on, tell your administrator.",
        NotConfigured => "This platform does not sign in through an identity provider. Sign in with your username and password.",
        _ => $"Signing in through {provider} did not complete (the answer was expired, altered, or meant for another application). Start again from the sign-in page.",
    };
}
