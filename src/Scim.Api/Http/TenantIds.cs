using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace Scim.Api.Http;

/// <summary>
/// Tenant ids: 1-63 lowercase letters, digits and '-', starting with a letter or digit (they appear in URLs and grain
/// keys). Checked where an id enters the service, before any grain of it is called.
/// </summary>
public static partial class TenantIds
{
    public static bool IsValid([NotNullWhen(true)] string? id) => id is not null && Pattern().IsMatch(id);

    // \z, not $: '$' also matches before a final line feed, which would let "acme\n" through.
    [GeneratedRegex(@"^[a-z0-9][a-z0-9-]{0,62}\z")]
    private static partial Regex Pattern();
}
