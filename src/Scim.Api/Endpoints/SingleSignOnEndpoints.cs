using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Hosting.Server;
using Scim.Api.Auth;
using Scim.Api.Http;
using Scim.Api.SingleSignOn;
using Scim.Grains.Interfaces.Platform;
using Scim.Grains.Interfaces.References;

namespace Scim.Api.Endpoints;

/// <summary>
/// A tenant's single sign-on: its settings as an API for platform admins and the owner (their admin keys, or the
/// operator acting for them), and the steps a browser takes: start a sign-in, an admin's test sign-in, and signing
/// out at the identity provider after the local session ended.
/// </summary>
public static class SingleSignOnEndpoints
{
    public static void MapSingleSignOnEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/tenants/{tenant}/sso").RequireAuthorization(ScimAuth.TenantAdminPolicy).WithTags("Tenant admin: single sign-on")
            .AddEndpointFilter(async (context, next) => await TenantAdminEndpoints.RequireTenantAsync(context, next));
        api.MapGet("", async (string tenant, IServer server, [AsParameters] ScimServices s) =>
            TypedResults.Ok(SsoSettingsView.Of(await s.Grains.Grain<ISingleSignOnGrain>(tenant).GetAsync(), PublicBase(s, server), tenant)));
        api.MapPut("", SaveAsync).Accepts<SsoSettings.Request>("application/json");
        api.MapDelete("", async (string tenant, [AsParameters] ScimServices s) =>
        {
            await s.Grains.Grain<ISingleSignOnGrain>(tenant).RemoveAsync();
            return TypedResults.NoContent();
        });

        app.MapGet("/t/{tenant}/sso", StartAsync).ExcludeFromDescription();
        app.MapGet("/t/{tenant}/sso/test", TestAsync).RequireAuthorization(PlatformSessions.Policy).ExcludeFromDescription();
        app.MapGet("/t/{tenant}/sso/signout", SignOutAtProviderAsync).ExcludeFromDescription();
    }

    private static async Task<IResult> SaveAsync(string tenant, HttpContext http, IServer server, SsoClientSecrets secrets, [AsParameters] ScimServices s)
    {
        var body = await s.Bodies.ReadAsync<SsoSettings.Request>(http.Request);
        var state = await SsoSettings.SaveAsync(s.Grains, secrets, tenant, body, http.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "unknown");
        return TypedResults.Ok(SsoSettingsView.Of(state, PublicBase(s, server), tenant));
    }

    /// <summary>Sends the browser to the tenant's identity provider, coming back to <paramref name="returnUrl"/> (a page of the tenant).</summary>
    private static Task<IResult> StartAsync(string tenant, string? returnUrl, HttpContext http, TenantSsoRequests sso) =>
        sso.Settings is { Verified: true }
            ? ChallengeAsync(http, tenant, new AuthenticationProperties { RedirectUri = PlatformSessions.AfterSignIn(tenant, returnUrl) })
            : Task.FromResult(Results.LocalRedirect(TenantSso.RefusedPath(tenant, SsoRefusals.NotConfigured)));

    /// <summary>
    /// An admin's test of the settings: a sign-in at the provider whose outcome is recorded and shown, with no session
    /// made. The route's policy already holds a session of this tenant; only the role is checked here.
    /// </summary>
    private static async Task<IResult> TestAsync(string tenant, string? returnUrl, HttpContext http, TenantSsoRequests sso, IGrainFactory grains)
    {
        var profile = await grains.Grain<IAccountGrain>(PlatformSessions.AccountKey(http.User)!).GetProfileAsync();
        if (profile is null || profile.Role == PlatformRole.User) return Results.StatusCode(StatusCodes.Status403Forbidden);
        if (sso.Settings is not { } settings) return Results.LocalRedirect(TenantSso.RefusedPath(tenant, SsoRefusals.NotConfigured));
        var properties = new AuthenticationProperties { RedirectUri = PlatformSessions.AfterSignIn(tenant, returnUrl) };
        properties.Items[TenantSso.TestedBy] = profile.UserId;
        properties.Items[TenantSso.TestedVersion] = settings.Version.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await ChallengeAsync(http, tenant, properties);
    }

    /// <summary>Ends the session at the identity provider too (offered after signing out here), when it has an end-session endpoint.</summary>
    private static async Task<IResult> SignOutAtProviderAsync(string tenant, HttpContext http, TenantSsoRequests sso)
    {
        if (sso.Settings is null) return Results.LocalRedirect(PlatformSessions.SignInPath(tenant));
        try
        {
            await http.SignOutAsync(TenantSso.Scheme, new AuthenticationProperties { RedirectUri = PlatformSessions.SignInPath(tenant) });
            return Results.Empty;
        }
        catch (Exception e) when (e is InvalidOperationException or HttpRequestException or TaskCanceledException)
        {
            return Results.LocalRedirect(PlatformSessions.SignInPath(tenant));
        }
    }

    private static async Task<IResult> ChallengeAsync(HttpContext http, string tenant, AuthenticationProperties properties)
    {
        try
        {
            await http.ChallengeAsync(TenantSso.Scheme, properties);
            return Results.Empty;
        }
        catch (Exception e) when (e is InvalidOperationException or HttpRequestException or TaskCanceledException)
        {
            // The discovery document or keys could not be fetched: the issuer is down, or the address is wrong.
            http.RequestServices.GetRequiredService<ILogger<TenantOidcEvents>>().LogWarning("The identity provider of tenant {Tenant} cannot be reached: {Failure}", tenant, e.Message);
            return Results.LocalRedirect(TenantSso.RefusedPath(tenant, SsoRefusals.Unreachable));
        }
    }

    private static string PublicBase(ScimServices s, IServer server) =>
        ScimEndpointUrls.Origin(s.Options.Value.PublicBaseUrl, server);
}
