using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Scim.Api.Auth;

/// <summary>Authenticates the operator by the configured key, comparing SHA-256 hashes in constant time.</summary>
internal sealed class OperatorKeyHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IOptions<ScimApiOptions> api) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = ScimAuth.BearerToken(Request.Headers.Authorization);
        if (presented is null) return Task.FromResult(AuthenticateResult.NoResult());
        var expected = api.Value.OperatorKey;
        var matches = expected.Length > 0 && CryptographicOperations.FixedTimeEquals(Hash(presented), Hash(expected));
        if (!matches) return Task.FromResult(AuthenticateResult.Fail("Invalid operator key."));
        var principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Role, "operator")], Scheme.Name));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name)));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        ScimAuth.ChallengeAsync(Context, "operator", "The operator key is required.");

    private static byte[] Hash(string value) => SHA256.HashData(Encoding.UTF8.GetBytes(value));
}
