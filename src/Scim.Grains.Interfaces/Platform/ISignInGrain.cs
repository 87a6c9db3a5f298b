namespace Scim.Grains.Interfaces.Platform;

/// <summary>
/// Sign-in to a tenant's platform, keyed by tenant. With a password: finds the user by userName or primary e-mail (in
/// any case) and lets that user's account decide (<see cref="IAccountGrain.SignInAsync"/>); refused to all but the
/// owner while the tenant signs in through its identity provider only. Through the identity provider: matches the
/// claim's value to one active user (<see cref="SsoConfiguration.MatchAttribute"/>); no user is ever created here.
/// </summary>
[Alias("scim.ISignInGrain")]
public interface ISignInGrain : IGrainWithStringKey
{
    Task<SignInDecision> SignInAsync(string login, string password);

    /// <summary>
    /// Signs in the person the identity provider vouched for: <paramref name="claimValue"/> is the configured claim's
    /// value, <paramref name="email"/> the <c>email</c> claim (checked against the allowed domains).
    /// </summary>
    Task<SignInDecision> SignInWithIdentityAsync(string claimValue, string? email);
}
