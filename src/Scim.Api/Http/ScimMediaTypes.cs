namespace Scim.Api.Http;

public static class ScimMediaTypes
{
    /// <summary>RFC 7644 §3.1: the SCIM media type.</summary>
    public const string Scim = "application/scim+json";

    /// <summary>The SCIM media type, UTF-8, as the service answers.</summary>
    public const string ScimJson = Scim + "; charset=utf-8";
}
