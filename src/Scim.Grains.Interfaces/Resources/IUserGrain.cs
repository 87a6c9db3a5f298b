using Scim.Grains.Interfaces.Platform;

namespace Scim.Grains.Interfaces.Resources;

/// <summary>
/// A SCIM User (RFC 7643 §4.1), keyed <c>{tenant}/{id}</c>, who is also a platform user with a role; created through
/// <see cref="IUserCreationGrain"/>.
/// </summary>
[Alias("scim.IUserGrain")]
public interface IUserGrain : IGrainWithStringKey, IResourceGrain
{
    /// <summary>The user as a platform user; 404 when it does not exist.</summary>
    Task<PlatformUser> GetPlatformUserAsync();

    /// <summary>
    /// Okta's re-POST (O6): replaces this user by a POST body when it is still deactivated and has the given externalId,
    /// else a 409 uniqueness, as the POST would have had. Decided in this user's activation, so of racing re-POSTs one wins.
    /// </summary>
    Task<ResourceSnapshot> ReprovisionAsync(string json, string externalId, RenderOptions render);

    /// <summary>Changes the user's role (the operator's call; SCIM never changes a role); 404 when it does not exist.</summary>
    Task<PlatformUser> SetRoleAsync(PlatformRole role);

    /// <summary>Sets the user's password (kept as its hash), as its account decides: a change, or a hash made again.</summary>
    Task SetPasswordAsync(string password);
}
