using Scim.Grains.Interfaces.Import;
using Scim.Grains.Interfaces.Platform;

namespace Scim.Grains.Interfaces.Resources;

/// <summary>
/// Creates a tenant's users: those an identity provider POSTs (RFC 7644 §3.3), those the platform adds and those a CSV
/// import brings. Stateless, so any silo runs it. The new user's own grain is not activated: an IdP or an import
/// creates thousands of users and calls each again only much later, and an activation made for one call costs
/// placement, registration and collection. The store's keys guard the new id and the userName, as they guard every write.
/// </summary>
[Alias("scim.IUserCreationGrain")]
public interface IUserCreationGrain : IGrainWithStringKey
{
    /// <summary>Creates the user <paramref name="id"/> (new, made by the caller) from a POST body; 409 uniqueness on a duplicate.</summary>
    Task<ResourceSnapshot> CreateAsync(string id, string json, RenderOptions render);

    /// <summary>
    /// Creates a user outside SCIM (from a SCIM User body) with a role, invited by e-mail when it has an address; 409
    /// uniqueness on a duplicate userName.
    /// </summary>
    Task<PlatformUser> CreatePlatformUserAsync(string json, PlatformRole role);

    /// <summary>
    /// Creates the users a batch of a CSV import brings (plain users of the platform, not the IdP's), from their SCIM
    /// bodies, all at once, with invitations by e-mail if asked: each one's outcome, in order; a refused one (a 4xx)
    /// leaves the others be.
    /// </summary>
    Task<IReadOnlyList<ImportedUser>> CreateImportedUsersAsync(IReadOnlyList<string> bodies, bool invite);
}
