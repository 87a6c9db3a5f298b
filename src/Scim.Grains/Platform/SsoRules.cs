using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Scim.Grains.Interfaces.Errors;
using Scim.Grains.Interfaces.Platform;

namespace Scim.Grains.Platform;

/// <summary>What a tenant's single sign-on settings must be, checked before they are stored (the page and the API alike).</summary>
internal static partial class SsoRules
{
    public const int MaxDomains = 50;
    private const int MaxUrlLength = 2048;
    private const int MaxClientIdLength = 256;
    private const int MaxProtectedSecretLength = 8192;
    private const int MaxDisplayNameLength = 64;
    private const string DiscoverySuffix = "/.well-known/openid-configuration";

    /// <summary>The settings in stored form (issuer without the discovery suffix, domains in lower case), or a 400 invalidValue.</summary>
    public static SsoConfiguration Checked(SsoConfiguration configuration, bool allowLoopbackIssuers) => configuration with
    {
        Issuer = Issuer(configuration.Issuer, allowLoopbackIssuers),
        ClientId = Text(configuration.ClientId, "clientId", MaxClientIdLength),
        ProtectedClientSecret = configuration.ProtectedClientSecret is { Length: > MaxProtectedSecretLength }
            ? throw ScimException.InvalidValue("clientSecret is too long.")
            : configuration.ProtectedClientSecret,
        Claim = ClaimName().IsMatch(configuration.Claim ?? "")
            ? configuration.Claim!
            : throw ScimException.InvalidValue("claim must be a claim name such as email, preferred_username, oid or sub."),
        MatchAttribute = Enum.IsDefined(configuration.MatchAttribute)
            ? configuration.MatchAttribute
            : throw ScimException.InvalidValue("matchAttribute must be email, userName or externalId."),
        AllowedEmailDomains = Domains(configuration.AllowedEmailDomains),
        DisplayName = string.IsNullOrWhiteSpace(configuration.DisplayName) ? null : Text(configuration.DisplayName, "displayName", MaxDisplayNameLength),
    };

    /// <summary>Whether a change needs a new test sign-in: it changes where sign-in goes or whom it finds.</summary>
    public static bool NeedsNewTest(SsoConfiguration before, SsoConfiguration after) =>
        before.Issuer != after.Issuer || before.ClientId != after.ClientId || after.ProtectedClientSecret != before.ProtectedClientSecret
        || before.Claim != after.Claim || before.MatchAttribute != after.MatchAttribute;

    /// <summary>Whether an e-mail address is in one of the domains (none listed: every address is).</summary>
    public static bool DomainAllowed(IReadOnlyList<string> domains, string? email)
    {
        if (domains.Count == 0) return true;
        var at = email?.LastIndexOf('@') ?? -1;
        return at > 0 && domains.Contains(email![(at + 1)..].ToLowerInvariant());
    }

    private static string Issuer(string? text, bool allowLoopback)
    {
        var value = text?.Trim() ?? "";
        if (value.EndsWith(DiscoverySuffix, StringComparison.OrdinalIgnoreCase)) value = value[..^DiscoverySuffix.Length];
        value = value.TrimEnd('/');
        if (value.Length is 0 or > MaxUrlLength || !Uri.TryCreate(value, UriKind.Absolute, out var uri)
            || uri.Query.Length > 0 || uri.Fragment.Length > 0 || uri.UserInfo.Length > 0)
        {
            throw ScimException.InvalidValue(
                "issuer must be the identity provider's issuer URL, such as https://login.microsoftonline.com/{tenant-id}/v2.0 or https://{your-org}.okta.com (or its discovery document URL).");
        }
        var loopback = uri.IsLoopback || (IPAddress.TryParse(uri.Host, out var address) && IPAddress.IsLoopback(address));
        if (uri.Scheme == Uri.UriSchemeHttps && !loopback) return value;
        if (allowLoopback && loopback && uri.Scheme is "http" or "https") return value;
        throw ScimException.InvalidValue($"issuer must be an https URL of the identity provider; '{value}' is not.");
    }

    private static string Text(string? text, string name, int maxLength)
    {
        var value = text?.Trim() ?? "";
        if (value.Length == 0) throw ScimException.InvalidValue($"{name} is required.");
        if (value.Length > maxLength) throw ScimException.InvalidValue($"{name} must be at most {maxLength} characters.");
        if (value.Any(char.IsControl)) throw ScimException.InvalidValue($"{name} must not contain control characters.");
        return value;
    }

    private static IReadOnlyList<string> Domains(IReadOnlyList<string>? domains)
    {
        var list = (domains ?? []).Select(d => d?.Trim().TrimStart('@').ToLowerInvariant() ?? "").Where(d => d.Length > 0).Distinct().ToList();
        if (list.Count > MaxDomains) throw ScimException.InvalidValue($"allowedEmailDomains may list at most {MaxDomains} domains.");
        foreach (var domain in list.Where(d => !DomainName().IsMatch(d)))
            throw ScimException.InvalidValue(string.Format(CultureInfo.InvariantCulture, "'{0}' in allowedEmailDomains is not a domain name such as example.com.", domain));
        return list;
    }

    [GeneratedRegex("^[A-Za-z0-9_][A-Za-z0-9_:./-]{0,127}$")]
    private static partial Regex ClaimName();

    [GeneratedRegex("^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}$")]
    private static partial Regex DomainName();
}
