using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Scim.Api.Auth;

/// <summary>
/// The operator console's cookie session at <c>/operator</c>: the operator key is typed once into a form and exchanged
/// for this cookie, so the key never sits in a URL, a page or a browser's history.
/// </summary>
public static class OperatorSessions
{
    public const string Scheme = "OperatorSession";
    public const string Policy = "scim.operator-console";
    public const string SignInPath = "/operator/login";

    public static void Configure(CookieAuthenticationOptions options)
    {
        options.Cookie.Name = "scim.operator";
        options.Cookie.Path = "/operator";
        options.Cookie.HttpOnly = true;
        options.Cookie.SameSite = SameSiteMode.Strict;
        options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        options.ExpireTimeSpan = TimeSpan.FromHours(8);
        options.SlidingExpiration = true;
        options.LoginPath = SignInPath;
        options.AccessDeniedPath = SignInPath;
        // A path, not the absolute URL the handler builds from the request's Host header.
        options.Events.OnRedirectToLogin = context => RedirectWithinAsync(context.Response, context.RedirectUri);
        options.Events.OnRedirectToAccessDenied = context => RedirectWithinAsync(context.Response, context.RedirectUri);
    }

    private static Task RedirectWithinAsync(HttpResponse response, string redirectUri)
    {
        response.Redirect(Uri.TryCreate(redirectUri, UriKind.Absolute, out var absolute) ? absolute.PathAndQuery : redirectUri);
        return Task.CompletedTask;
    }

    public static ClaimsPrincipal Principal() =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, OperatorKeys.Caller), new Claim(ClaimTypes.Role, OperatorKeys.Caller)], Scheme));
}
