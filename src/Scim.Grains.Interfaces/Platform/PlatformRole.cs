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

/// <summary>Role names as the APIs spell them.</summary>
public static class PlatformRoles
{
    public static string Name(PlatformRole role) => role.ToString().ToLowerInvariant();

    public static PlatformRole Parse(string? name) =>
        // By name only: Enum.TryParse also takes numbers.
        Enum.TryParse<PlatformRole>(name, ignoreCase: true, out var role) && !int.TryParse(name, out _)
            ? role
            : throw Errors.ScimException.InvalidValue($"Unknown role '{name}'; expected owner, admin or user.");

    public static bool MayAdminister(PlatformRole role) => role is PlatformRole.Admin or PlatformRole.Owner;
}
