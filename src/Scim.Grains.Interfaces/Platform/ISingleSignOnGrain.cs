namespace Scim.Grains.Interfaces.Platform;

/// <summary>A tenant's OpenID Connect sign-in settings, keyed by tenant id.</summary>
[Alias("scim.ISingleSignOnGrain")]
public interface ISingleSignOnGrain : IGrainWithStringKey
{
    /// <summary>The settings, or null when the tenant has none.</summary>
    [Orleans.Concurrency.AlwaysInterleave]
    Task<SsoState?> GetAsync();

    /// <summary>
    /// Stores the settings (400 invalidValue for a bad issuer, client, claim or domain, a first save without a secret,
    /// or turning "SSO only" on before a test sign-in proved them); a change of issuer, client, secret, claim or attribute
    /// needs a new test, and suspends "SSO only" until then.
    /// </summary>
    Task<SsoState> SaveAsync(SsoConfiguration configuration, string updatedBy);

    /// <summary>Records that a test sign-in through <paramref name="version"/> of the settings worked (ignored when they changed since).</summary>
    Task<SsoState?> RecordVerifiedAsync(int version, string verifiedBy);

    /// <summary>Removes the settings: sign-in is by password only again.</summary>
    Task RemoveAsync();
}
