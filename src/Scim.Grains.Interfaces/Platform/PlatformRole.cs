namespace Scim.Grains.Interfaces.Platform;

/// <summary>
/// A platform user's role. Users the IdP creates over SCIM are <see cref="User"/>s; only the operator API changes a
/// role, SCIM never does. Admins and the owner may hold admin keys and run the SCIM integration.
/// </summary>
public enum PlatformRole
{
    User,
    Admin,
    Owner,
}
