using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Scim.Api.Telemetry;

namespace Scim.Api.Auth;

/// <summary>Authenticates the operator by the configured key (<see cref="OperatorKeys.Matches"/>).</summary>
internal sealed class OperatorKeyHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IOptions<ScimApiOptions> api,
    ApiMetrics metrics) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = ScimAuth.BearerToken(Request.Headers.Authorization);
        if (presented is null) return Task.FromResult(AuthenticateResult.NoResult());
        if (!OperatorKeys.Matches(presented, api.Value.OperatorKey)) return Task.FromResult(ScimAuth.Refuse(metrics, "operator_key", "invalid", "Invalid operator key."));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.Role, OperatorKeys.Caller), new Claim(ClaimTypes.NameIdentifier, OperatorKeys.Caller)], Scheme.Name));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name)));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        ScimAuth.ChallengeAsync(Context, "operator", "The operator key is required.");
}
