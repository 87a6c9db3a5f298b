namespace Scim.Api.Http;

public static class ScimMediaTypes
{
    /// <summary>RFC 7644 §3.1: the SCIM media type, UTF-8.</summary>
    public const string ScimJson = "application/scim+json; charset=utf-8";
}
