namespace Scim.Grains.Interfaces.Groups;

/// <summary>
/// Why a user is in a group (DESIGN §1): the identity provider put it there over SCIM, or a platform admin added it.
/// SCIM writes change the SCIM source only; a user may be a member from both.
/// </summary>
public enum MembershipSource
{
    Scim,
    Manual,
}
