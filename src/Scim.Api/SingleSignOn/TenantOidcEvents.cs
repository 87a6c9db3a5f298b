using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;
using Scim.Api.ProvisioningLog;
using Scim.Grains.Interfaces.Platform;
using Scim.Grains.Interfaces.References;

using Scim.Api.Auth;

namespace Scim.Api.SingleSignOn;

/// <summary>
/// What the service adds to ASP.NET Core's OpenID Connect handling, which has by then checked the state, the PKCE
/// verifier, the nonce and the id token's signature, issuer, audience and lifetime: the person is matched to one
/// active user of the tenant (never created), an admin's test sign-in is recorded instead of signing in, and every
/// refusal becomes a page that says what to do and an entry of the tenant's provisioning log (no token in either).
/// </summary>
public sealed class TenantOidcEvents : OpenIdConnectEvents
{
    public static readonly TenantOidcEvents Instance = new();

    /// <summary>The path the provisioning log shows for a sign-in through the identity provider.</summary>
    public const string LogResourceType = "SignIn";

    public override Task RedirectToIdentityProvider(RedirectContext context)
    {
        context.ProtocolMessage.RedirectUri = PublicAddress(context, context.Options.CallbackPath) ?? context.ProtocolMessage.RedirectUri;
        return Task.CompletedTask;
    }

    public override Task RedirectToIdentityProviderForSignOut(RedirectContext context)
    {
        context.ProtocolMessage.PostLogoutRedirectUri = PublicAddress(context, context.Options.SignedOutCallbackPath) ?? context.ProtocolMessage.PostLogoutRedirectUri;
        // Without the id token (never kept), the provider learns the application from its client id.
        context.ProtocolMessage.ClientId = context.Options.ClientId;
        return Task.CompletedTask;
    }

    /// <summary>
    /// A path of the service at its public address: behind a proxy the request's own host is not the address registered
    /// at the identity provider. Null when no public address is set (the request's own host is then right).
    /// </summary>
    private static string? PublicAddress(RedirectContext context, PathString path) =>
        context.HttpContext.RequestServices.GetRequiredService<IOptions<ScimApiOptions>>().Value.PublicBaseUrl is { Length: > 0 } publicBase
            ? publicBase.TrimEnd('/') + path
            : null;

    public override async Task TokenValidated(TokenValidatedContext context)
    {
        var http = context.HttpContext;
        var request = http.RequestServices.GetRequiredService<TenantSsoRequests>();
        var (tenant, settings) = (request.Tenant!, request.Settings!);
        var claim = settings.Configuration.Claim;
        var value = context.Principal?.FindFirst(claim)?.Value;
        var email = context.Principal?.FindFirst("email")?.Value;
        string? refusal = null;
        SignInDecision? decision = null;
        if (string.IsNullOrWhiteSpace(value)) refusal = SsoRefusals.MissingClaim;
        else if (settings.Configuration.MatchAttribute == SsoMatchAttribute.Email && context.Principal!.FindFirst("email_verified")?.Value == "false")
            refusal = SsoRefusals.UnverifiedEmail;
        else
        {
            decision = await http.RequestServices.GetRequiredService<IGrainFactory>().Grain<ISignInGrain>(tenant).SignInWithIdentityAsync(value, email);
            if (decision.Outcome != SignInOutcome.SignedIn) refusal = SsoRefusals.Of(decision.Outcome);
        }
        var note = refusal is null
            ? $"Single sign-on: {claim} '{Shown(value)}' is user {decision!.UserId}."
            : $"Single sign-on refused ({refusal}): {claim} '{Shown(value) ?? "(none)"}'" + (email is null || claim == "email" ? "." : $", email '{Shown(email)}'.");
        if (context.Properties?.Items.TryGetValue(TenantSso.TestedBy, out var testedBy) == true && testedBy is not null)
        {
            await FinishTestAsync(context, tenant, refusal, note, testedBy);
            return;
        }
        if (refusal is not null)
        {
            Refuse(context, tenant, refusal, note, decision?.UserId);
            return;
        }
        Log(http, tenant, StatusCodes.Status302Found, decision!.UserId, note);
        context.Principal = PlatformSessions.Principal(tenant, decision.UserId!, mustChangePassword: false, viaSso: true);
    }

    public override Task RemoteFailure(RemoteFailureContext context)
    {
        var http = context.HttpContext;
        var tenant = http.RequestServices.GetRequiredService<TenantSsoRequests>().Tenant;
        var reason = context.Failure is HttpRequestException or TaskCanceledException ? SsoRefusals.Unreachable : SsoRefusals.Failed;
        http.RequestServices.GetRequiredService<ILogger<TenantOidcEvents>>()
            .LogWarning("Single sign-on to tenant {Tenant} failed: {Failure}", tenant ?? "(none)", context.Failure?.Message);
        if (tenant is null)
        {
            context.Response.Redirect("/");
        }
        else
        {
            Log(http, tenant, StatusCodes.Status403Forbidden, null, $"Single sign-on refused ({reason}): {context.Failure?.GetType().Name}.");
            context.Response.Redirect(TenantSso.RefusedPath(tenant, reason));
        }
        context.HandleResponse();
        return Task.CompletedTask;
    }

    private static async Task FinishTestAsync(TokenValidatedContext context, string tenant, string? refusal, string note, string testedBy)
    {
        var http = context.HttpContext;
        var returnTo = context.Properties!.RedirectUri ?? $"/t/{tenant}/";
        if (refusal is null && context.Properties.Items.TryGetValue(TenantSso.TestedVersion, out var version) && int.TryParse(version, out var tested))
            await http.RequestServices.GetRequiredService<IGrainFactory>().Grain<ISingleSignOnGrain>(tenant).RecordVerifiedAsync(tested, testedBy);
        Log(http, tenant, refusal is null ? StatusCodes.Status200OK : StatusCodes.Status403Forbidden, null, "Test " + char.ToLowerInvariant(note[0]) + note[1..]);
        context.Response.Redirect(QueryHelpers.AddQueryString(returnTo, "test", refusal ?? "verified"));
        context.HandleResponse();
    }

    private static void Refuse(TokenValidatedContext context, string tenant, string refusal, string note, string? userId)
    {
        context.HttpContext.RequestServices.GetRequiredService<ILogger<TenantOidcEvents>>()
            .LogInformation("Single sign-on to tenant {Tenant} refused: {Reason}", tenant, refusal);
        Log(context.HttpContext, tenant, StatusCodes.Status403Forbidden, userId, note);
        context.Response.Redirect(TenantSso.RefusedPath(tenant, refusal));
        context.HandleResponse();
    }

    /// <summary>A claim's value as the log shows it: the provider signed it, but its length is still its own.</summary>
    private static string? Shown(string? value) => value is { Length: > MaxShownLength } ? value[..MaxShownLength] + "…" : value;

    private const int MaxShownLength = 200;

    private static void Log(HttpContext http, string tenant, int status, string? userId, string note)
    {
        var settings = http.RequestServices.GetRequiredService<TenantSsoRequests>().Settings;
        var entry = new ProvisioningLogEntry(0, http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow(), null,
            null, http.Request.Method, TenantSso.CallbackPath(tenant), status, LogResourceType,
            userId, [], note);
        http.RequestServices.GetRequiredService<ProvisioningLogQueue>().Enqueue(new PendingLogEntry(tenant, entry, null));
    }
}
