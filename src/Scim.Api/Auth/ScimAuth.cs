using Scim.Api.Errors;
using Microsoft.AspNetCore.Authentication;
using Scim.Api.Http;
using Scim.Api.Telemetry;

namespace Scim.Api.Auth;

/// <summary>Authentication scheme, policy and claim names.</summary>
public static class ScimAuth
{
    public const string TokenScheme = "ScimToken";
    public const string OperatorScheme = "OperatorKey";
    public const string AdminKeyScheme = "AdminKey";

    /// <summary>The tenant's admin API: a tenant admin's key, or the operator key (which acts for any tenant).</summary>
    public const string TenantAdminScheme = "TenantAdminOrOperator";
    public const string TenantAdminPolicy = "scim.tenant-admin";

    /// <summary>The operator's views (metrics, the Orleans dashboard): the operator key, or the operator console's session.</summary>
    public const string OperatorViewsScheme = "OperatorKeyOrSession";
    public const string OperatorViewsPolicy = "scim.operator-views";
    public const string ProvisionPolicy = "scim.provision";
    public const string OperatorPolicy = "scim.operator";
    public const string TenantClaim = "scim:tenant";
    public const string TokenIdClaim = "scim:token";
    public const string IdentityProviderClaim = "scim:idp";

    /// <summary>
    /// The answer to a request a handler could not authenticate: 404 when the route names a tenant that is not the
    /// caller's, else 401 with a Bearer challenge for the realm; both with a SCIM error body.
    /// </summary>
    public static Task ChallengeAsync(HttpContext context, string realm, string detail)
    {
        if (ScimRequestFacts.Of(context).ForeignTenant) return ScimErrorWriter.WriteAsync(context, 404, null, "Tenant not found.");
        context.Response.Headers.WWWAuthenticate = $"Bearer realm=\"{realm}\"";
        return ScimErrorWriter.WriteAsync(context, 401, null, detail);
    }

    /// <summary>A refused credential, counted by kind (scim_token, admin_key, operator_key) and reason.</summary>
    public static AuthenticateResult Refuse(ApiMetrics metrics, string credential, string reason, string message)
    {
        metrics.AuthenticationFailed(credential, reason);
        return AuthenticateResult.Fail(message);
    }

    public static string? BearerToken(string? authorization) =>
        authorization is not null && authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            ? authorization["Bearer ".Length..].Trim()
            : null;
}
