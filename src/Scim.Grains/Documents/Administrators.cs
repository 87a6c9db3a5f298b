using Scim.Grains.Interfaces.Platform;

namespace Scim.Grains.Documents;

/// <summary>Who administers a tenant: its admins and its owner hold admin keys and run the SCIM integration.</summary>
internal static class Administrators
{
    public static bool Includes(PlatformRole role) => role is PlatformRole.Admin or PlatformRole.Owner;
}
