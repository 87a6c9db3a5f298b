namespace Scim.Api.Tests.Infrastructure;

/// <summary>SCIM message bodies the tests send.</summary>
public static class ScimMessages
{
    /// <summary>A PatchOp message (RFC 7644 §3.5.2) with the given JSON array of operations.</summary>
    public static string Patch(string operations) => $$"""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":{{operations}}}""";
}
