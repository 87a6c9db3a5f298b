using Scim.Grains.Interfaces.Errors;
using Scim.Grains.Interfaces.Platform;

namespace Scim.Api.SingleSignOn;

/// <summary>
/// The claims of the identity providers' id tokens and the user attribute each is matched to by default: <c>email</c>
/// (all six providers) the primary e-mail, <c>preferred_username</c> (Entra ID, Okta, OneLogin, PingFederate) and
/// <c>upn</c> (Entra ID) the userName, <c>oid</c> (Entra ID) and <c>sub</c> (all) the externalId.
/// </summary>
public static class SsoMatching
{
    public static readonly IReadOnlyList<(string Claim, SsoMatchAttribute Attribute, string Note)> KnownClaims =
    [
        ("email", SsoMatchAttribute.Email, "the e-mail address (every provider)"),
        ("preferred_username", SsoMatchAttribute.UserName, "the sign-in name (Entra ID, Okta, OneLogin, PingFederate)"),
        ("upn", SsoMatchAttribute.UserName, "the user principal name (Entra ID)"),
        ("oid", SsoMatchAttribute.ExternalId, "the object id, which Entra ID sends as externalId over SCIM"),
        ("sub", SsoMatchAttribute.ExternalId, "the subject (every provider; Okta's is the user id it sends as externalId)"),
    ];

    public static string Name(SsoMatchAttribute attribute) => attribute switch
    {
        SsoMatchAttribute.UserName => "userName",
        SsoMatchAttribute.ExternalId => "externalId",
        _ => "email",
    };

    /// <summary>The attribute a name means, or the claim's usual one when none is given; 400 for an unknown name.</summary>
    public static SsoMatchAttribute Parse(string? name, string claim) => name?.Trim().ToLowerInvariant() switch
    {
        null or "" => KnownClaims.FirstOrDefault(k => k.Claim == claim) is { Claim: not null } known ? known.Attribute : SsoMatchAttribute.Email,
        "email" or "emails" => SsoMatchAttribute.Email,
        "username" => SsoMatchAttribute.UserName,
        "externalid" => SsoMatchAttribute.ExternalId,
        _ => throw ScimException.InvalidValue($"matchAttribute must be email, userName or externalId; got '{name}'."),
    };
}
