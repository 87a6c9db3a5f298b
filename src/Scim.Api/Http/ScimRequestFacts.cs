using Scim.Grains.Interfaces.Tenants;

namespace Scim.Api.Http;

/// <summary>
/// What one request has established as it runs, for the parts that act on it later (the challenge of its
/// authentication handler, the provisioning log): typed, one per request, instead of loose <c>HttpContext.Items</c> keys.
/// </summary>
public sealed class ScimRequestFacts
{
    /// <summary>The identity of the request's valid SCIM token, set by the token handler.</summary>
    public TokenIdentity? Token { get; set; }

    /// <summary>The body the request sent, as read (the provisioning log names the attributes it set).</summary>
    public string? Body { get; set; }

    /// <summary>The id of the resource the request created, set by the endpoint that created it.</summary>
    public string? CreatedId { get; set; }

    /// <summary>What the write set going, for the provisioning log (a create's e-mail, or why there is none).</summary>
    public string? Note { get; set; }

    /// <summary>A valid token's tenant has not activated its integration (answered 403).</summary>
    public bool IntegrationInactive { get; set; }

    /// <summary>A valid admin key of another tenant was presented (answered 404: that tenant is not the caller's).</summary>
    public bool ForeignTenant { get; set; }

    /// <summary>The facts of a request, created at the first use.</summary>
    public static ScimRequestFacts Of(HttpContext http)
    {
        if (http.Features.Get<ScimRequestFacts>() is { } facts) return facts;
        facts = new ScimRequestFacts();
        http.Features.Set(facts);
        return facts;
    }
}
