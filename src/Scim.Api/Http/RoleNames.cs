using Scim.Grains.Interfaces.Errors;
using Scim.Grains.Interfaces.Platform;

namespace Scim.Api.Http;

/// <summary>Role names as the APIs spell them.</summary>
public static class RoleNames
{
    public static string Of(PlatformRole role) => role.ToString().ToLowerInvariant();

    public static PlatformRole Parse(string? name) =>
        // By name only: Enum.TryParse also takes numbers.
        Enum.TryParse<PlatformRole>(name, ignoreCase: true, out var role) && !int.TryParse(name, out _)
            ? role
            : throw ScimException.InvalidValue($"Unknown role '{name}'; expected owner, admin or user.");
}
