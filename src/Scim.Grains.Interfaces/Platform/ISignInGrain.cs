namespace Scim.Grains.Interfaces.Platform;

/// <summary>
/// Password sign-in to a tenant's platform, keyed by tenant: finds the user by userName or primary e-mail (in any case)
/// and lets that user's account decide (<see cref="IAccountGrain.SignInAsync"/>).
/// </summary>
[Alias("scim.ISignInGrain")]
public interface ISignInGrain : IGrainWithStringKey
{
    Task<SignInDecision> SignInAsync(string login, string password);
}
