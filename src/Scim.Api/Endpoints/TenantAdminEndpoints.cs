using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Hosting.Server;
using Scim.Api.Auth;
using Scim.Api.Http;
using Scim.Grains.Interfaces.Errors;
using Scim.Grains.Interfaces.Platform;
using Scim.Grains.Interfaces.References;
using Scim.Grains.Interfaces.Resources;
using Scim.Grains.Interfaces.Tenants;

namespace Scim.Api.Endpoints;

/// <summary>
/// What a platform admin does on Settings -> Integrations -> SCIM (DESIGN §1, steps 2-3), as an API behind the tenant's
/// admin keys: choose the identity provider, generate and rotate tokens, activate, copy the endpoint, read the log.
/// The operator key opens it too, so an operator acting for a tenant uses the same routes (and is recorded as "operator").
/// </summary>
public static class TenantAdminEndpoints
{
    private const int DefaultLogPage = 100;
    private const int MaxLogPage = 1000;

    public sealed record SettingsRequest(string? IdentityProvider, bool? SendTemporaryPasswordEmail);

    public sealed record IssueTokenRequest(string? IdentityProvider, string? Name, int? OverlapMinutes);

    /// <summary>Where the newest e-mail to a user stands; never its temporary password.</summary>
    public sealed record MailView(string Kind, string Status, int Attempts, DateTimeOffset Queued, DateTimeOffset? SentAt, DateTimeOffset? FailedAt, string? Error)
    {
        public static MailView Of(MailState mail) => new(mail.Kind == MailKind.Invitation ? "invitation" : "temporary-password",
            mail.Status.ToString().ToLowerInvariant(), mail.Attempts, mail.Queued, mail.SentAt, mail.FailedAt, mail.Error);
    }

    public static void MapTenantAdminEndpoints(this IEndpointRouteBuilder app)
    {
        var scim = app.MapGroup("/api/v1/tenants/{tenant}/scim").RequireAuthorization(ScimAuth.TenantAdminPolicy).WithTags("Tenant admin: SCIM")
            .AddEndpointFilter(RequireTenantAsync);
        scim.MapGet("/settings", async (string tenant, [AsParameters] ScimServices s) =>
            TypedResults.Ok((await Tenant(s, tenant).GetConnectorAsync()).Settings));
        scim.MapPut("/settings", SetSettingsAsync).Accepts<SettingsRequest>("application/json");
        scim.MapPost("/tokens", IssueTokenAsync).Accepts<IssueTokenRequest>("application/json");
        scim.MapGet("/tokens", async (string tenant, [AsParameters] ScimServices s) =>
            TypedResults.Ok(new { tokens = await s.Grains.Grain<ITokenSetGrain>(tenant).ListAsync() }));
        scim.MapDelete("/tokens/{id}", async (string tenant, string id, TokenChanges changes) =>
        {
            await changes.RevokeAsync(tenant, id);
            return TypedResults.NoContent();
        });
        scim.MapPost("/activate", async (string tenant, HttpContext http, TokenChanges changes) =>
            TypedResults.Ok(OperatorConnectorEndpoints.ConnectorView.Of(await changes.ActivateAsync(tenant, Caller(http)))));
        scim.MapPost("/deactivate", async (string tenant, TokenChanges changes) =>
            TypedResults.Ok(OperatorConnectorEndpoints.ConnectorView.Of(await changes.DeactivateAsync(tenant))));
        scim.MapGet("/endpoint", GetEndpoint);
        scim.MapGet("/users/{id}/mail", async (string tenant, string id, [AsParameters] ScimServices s) =>
            await Account(s, tenant, id).GetMailAsync() is { } mail
                ? TypedResults.Ok(MailView.Of(mail))
                : throw ScimException.NotFound($"No e-mail was ever owed to user '{id}'."));
        scim.MapPost("/users/{id}/temporary-password", async (string tenant, string id, [AsParameters] ScimServices s) =>
            TypedResults.Accepted($"/api/v1/tenants/{tenant}/scim/users/{id}/mail", MailView.Of(await Account(s, tenant, id).SendTemporaryPasswordAsync())));
        scim.MapGet("/log", ReadLogAsync);
    }

    /// <summary>A tenant admin's key already names an existing tenant; the operator's does not, so a made-up tenant is a 404.</summary>
    public static async ValueTask<object?> RequireTenantAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var tenant = (string)http.GetRouteValue("tenant")!;
        if (!await http.RequestServices.GetRequiredService<KnownTenants>().ExistsAsync(tenant))
            throw ScimException.NotFound($"Tenant '{tenant}' not found.");
        return await next(context);
    }

    private static async Task<IResult> SetSettingsAsync(string tenant, HttpRequest request, [AsParameters] ScimServices s)
    {
        var body = await s.Bodies.ReadAsync<SettingsRequest>(request);
        var state = await Tenant(s, tenant).SetSettingsAsync(new ScimSettings(body.IdentityProvider, body.SendTemporaryPasswordEmail ?? false));
        return TypedResults.Ok(state.Settings);
    }

    /// <summary>Generates a token; the identity provider's previous token stops now, or after overlapMinutes.</summary>
    private static async Task<IResult> IssueTokenAsync(string tenant, HttpContext http, TokenChanges changes, [AsParameters] ScimServices s)
    {
        var body = await s.Bodies.ReadAsync<IssueTokenRequest>(http.Request);
        var provider = body.IdentityProvider ?? (await Tenant(s, tenant).GetConnectorAsync()).Settings.IdentityProvider ?? "";
        var token = await changes.IssueAsync(tenant, new TokenRequest(provider, body.Name, body.OverlapMinutes ?? 0, Caller(http)));
        return TypedResults.Created($"/api/v1/tenants/{tenant}/scim/tokens/{token.Id}", token);
    }

    private static IResult GetEndpoint(string tenant, IServer server, [AsParameters] ScimServices s) =>
        TypedResults.Ok(new { url = ScimEndpointUrls.For(tenant, s.Options.Value.PublicBaseUrl, server) });

    /// <summary>
    /// The provisioning log, newest first: from/to (ISO 8601), status (e.g. 404 or 4xx), resourceId, resourceType (User,
    /// Group, Bulk), identityProvider, before (a page's next), count.
    /// </summary>
    private static async Task<IResult> ReadLogAsync(string tenant, HttpRequest request, [AsParameters] ScimServices s)
    {
        var (statusFrom, statusTo) = StatusRanges.Parse(ScimRequests.Query(request, "status"));
        var count = ScimRequests.Query(request, "count") is { } text ? (int)Math.Clamp(Integer(text, "count"), 1, MaxLogPage) : DefaultLogPage;
        var query = new LogQuery(Time(request, "from"), Time(request, "to"), statusFrom, statusTo, ScimRequests.Query(request, "resourceId"),
            ScimRequests.Query(request, "before") is { } before ? Integer(before, "before") : null, count,
            ScimRequests.Query(request, "resourceType"), ScimRequests.Query(request, "identityProvider"));
        var page = await s.Grains.Grain<IProvisioningLogGrain>(tenant).ReadAsync(query);
        return TypedResults.Ok(new { entries = page.Entries, next = page.Next });
    }

    private static DateTimeOffset? Time(HttpRequest request, string name) =>
        ScimRequests.Query(request, name) is not { } text ? null
        : DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) ? time
        : throw ScimException.InvalidValue($"'{name}' must be an ISO 8601 time; got '{text}'.");

    private static long Integer(string text, string name) =>
        long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw ScimException.InvalidValue($"'{name}' must be an integer; got '{text}'.");

    internal static string Caller(HttpContext http) => http.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "unknown";

    private static ITenantGrain Tenant(ScimServices s, string tenant) => s.Grains.Grain<ITenantGrain>(tenant);

    private static IAccountGrain Account(ScimServices s, string tenant, string id) =>
        s.Grains.Grain<IAccountGrain>(ResourceKeys.Of(tenant, ScimRequests.RequireResourceId(id, "User")));
}
