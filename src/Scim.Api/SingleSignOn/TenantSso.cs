using Scim.Api.Http;

namespace Scim.Api.SingleSignOn;

/// <summary>
/// Where a tenant's OpenID Connect sign-in lives: one authentication scheme for every tenant, whose options are the
/// tenant's, resolved at each request (<see cref="TenantSsoRequests"/>), and the paths of its steps under <c>/t/{tenant}</c>.
/// </summary>
public static class TenantSso
{
    public const string Scheme = "TenantOidc";

    /// <summary>Set on a challenge that is an admin's test sign-in: the admin's user id (no session comes of it).</summary>
    public const string TestedBy = "scim.sso.tested-by";

    /// <summary>The settings version a test sign-in started with: a test proves only the settings it ran with.</summary>
    public const string TestedVersion = "scim.sso.version";

    public const string CallbackSegment = "signin-oidc";
    public const string SignedOutSegment = "signout-oidc";

    public static string StartPath(string tenant) => $"/t/{tenant}/sso";

    public static string TestPath(string tenant) => $"/t/{tenant}/sso/test";

    public static string ProviderSignOutPath(string tenant) => $"/t/{tenant}/sso/signout";

    public static string RefusedPath(string tenant, string reason) => $"/t/{tenant}/sso/refused?reason={Uri.EscapeDataString(reason)}";

    public static string CallbackPath(string tenant) => $"/t/{tenant}/{CallbackSegment}";

    public static string SignedOutCallbackPath(string tenant) => $"/t/{tenant}/{SignedOutSegment}";

    /// <summary>Front-channel sign-out from the provider: a path per tenant, so no tenant's handler answers another's.</summary>
    public static string RemoteSignOutPath(string tenant) => $"/t/{tenant}/sso/remote-signout";

    /// <summary>The tenant whose sign-in a path is a step of (<c>/t/{tenant}/sso...</c> or a callback), else null.</summary>
    public static string? TenantOf(PathString path)
    {
        // Every request passes here: SCIM paths are turned away before anything is allocated.
        if (!path.StartsWithSegments("/t", StringComparison.Ordinal, out var rest)) return null;
        var segments = (rest.Value ?? "").Split('/');
        if (segments.Length < 3 || segments[0].Length != 0 || !TenantIds.IsValid(segments[1])) return null;
        return segments[2] is "sso" or CallbackSegment or SignedOutSegment ? segments[1] : null;
    }
}
