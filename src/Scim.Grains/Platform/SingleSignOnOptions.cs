namespace Scim.Grains.Platform;

/// <summary>Settings of tenants' single sign-on (section "Scim:SingleSignOn").</summary>
public sealed class SingleSignOnOptions
{
    public const string Section = "Scim:SingleSignOn";

    /// <summary>
    /// Whether an issuer may be plain http on a loopback address (env <c>Scim__SingleSignOn__AllowLoopbackIssuers</c>): for
    /// tests and development only. Off, every issuer must be https, and the service never fetches its own host's ports
    /// on a tenant admin's word.
    /// </summary>
    public bool AllowLoopbackIssuers { get; set; }
}
