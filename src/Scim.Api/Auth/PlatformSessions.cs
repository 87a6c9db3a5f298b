using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Scim.Api.Http;
using Scim.Grains.Interfaces.Platform;
using Scim.Grains.Interfaces.References;
using Scim.Grains.Interfaces.Resources;

namespace Scim.Api.Auth;

/// <summary>
/// Cookie sessions of platform users, the people who sign in to a tenant's platform at <c>/t/{tenant}</c> (not the
/// identity providers, which use tokens). A session belongs to one tenant; at each request its account is asked again,
/// so a user deactivated or deleted over SCIM loses the session at its next request.
/// </summary>
public static class PlatformSessions
{
    public const string Scheme = "PlatformSession";
    public const string Policy = "scim.platform-user";
    public const string MustChangePasswordClaim = "scim:must-change-password";

    /// <summary>The claim of a session that began at the tenant's identity provider (sign-out then offers the provider's own).</summary>
    public const string SignedInViaSsoClaim = "scim:sso";

    public static void Configure(CookieAuthenticationOptions options)
    {
        options.Cookie.Name = "scim.session";
        options.Cookie.Path = "/t";
        options.Cookie.HttpOnly = true;
        options.Cookie.SameSite = SameSiteMode.Lax;
        options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        options.ExpireTimeSpan = TimeSpan.FromHours(8);
        options.SlidingExpiration = true;
        // Signed in elsewhere or not at all: either way the next step is this tenant's sign-in page.
        options.Events.OnRedirectToLogin = context => RedirectToSignInAsync(context.HttpContext);
        options.Events.OnRedirectToAccessDenied = context => RedirectToSignInAsync(context.HttpContext);
        options.Events.OnValidatePrincipal = async context =>
        {
            var grains = context.HttpContext.RequestServices.GetRequiredService<IGrainFactory>();
            if (AccountKey(context.Principal) is not { } key || !await grains.Grain<IAccountGrain>(key).IsActiveAsync())
            {
                context.RejectPrincipal();
                await context.HttpContext.SignOutAsync(Scheme);
            }
        };
    }

    /// <summary>The principal of a signed-in user of a tenant; <paramref name="viaSso"/> when the identity provider vouched for them.</summary>
    public static ClaimsPrincipal Principal(string tenant, string userId, bool mustChangePassword, bool viaSso = false)
    {
        List<Claim> claims = [new(ScimAuth.TenantClaim, tenant), new(ClaimTypes.NameIdentifier, userId)];
        if (mustChangePassword) claims.Add(new Claim(MustChangePasswordClaim, "true"));
        if (viaSso) claims.Add(new Claim(SignedInViaSsoClaim, "true"));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme));
    }

    /// <summary>Whether the session is one of this tenant's (a session of another tenant does not open its pages).</summary>
    public static bool IsFor(ClaimsPrincipal user, string? tenant) =>
        tenant is not null && user.Identity?.IsAuthenticated == true && user.FindFirstValue(ScimAuth.TenantClaim) == tenant;

    public static bool MustChangePassword(ClaimsPrincipal user) => user.HasClaim(MustChangePasswordClaim, "true");

    public static bool SignedInViaSso(ClaimsPrincipal user) => user.HasClaim(SignedInViaSsoClaim, "true");

    /// <summary>The key of the signed-in user's account grain.</summary>
    public static string? AccountKey(ClaimsPrincipal? user) =>
        user?.FindFirstValue(ScimAuth.TenantClaim) is { } tenant && user.FindFirstValue(ClaimTypes.NameIdentifier) is { } id
            ? ResourceKeys.Of(tenant, id)
            : null;

    /// <summary>The sign-in page of a tenant, coming back to <paramref name="returnPath"/> (a path of that tenant) after.</summary>
    public static string SignInPath(string tenant, string? returnPath = null) =>
        $"/t/{tenant}/login" + (returnPath is null ? "" : "?returnUrl=" + Uri.EscapeDataString(returnPath));

    /// <summary>Where to go after signing in: the return path when it is one of this tenant's pages, else the home page.</summary>
    public static string AfterSignIn(string tenant, string? returnUrl) =>
        returnUrl is not null && returnUrl.StartsWith($"/t/{tenant}/", StringComparison.Ordinal) && !returnUrl.StartsWith("//", StringComparison.Ordinal)
            && !returnUrl.Contains('\\') ? returnUrl : $"/t/{tenant}/";

    private static Task RedirectToSignInAsync(HttpContext http)
    {
        var tenant = http.GetRouteValue("tenant") as string;
        http.Response.Redirect(TenantIds.IsValid(tenant) ? SignInPath(tenant, http.Request.Path + http.Request.QueryString) : "/");
        return Task.CompletedTask;
    }
}
