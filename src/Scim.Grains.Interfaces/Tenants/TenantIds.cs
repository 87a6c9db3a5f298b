using System.Text.RegularExpressions;

namespace Scim.Grains.Interfaces.Tenants;

/// <summary>Tenant ids: 1-63 lowercase letters, digits and '-', starting with a letter or digit (they appear in URLs and grain keys).</summary>
public static partial class TenantIds
{
    public static bool IsValid(string? id) => id is not null && Pattern().IsMatch(id);

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,62}$")]
    private static partial Regex Pattern();
}
