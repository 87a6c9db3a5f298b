using System.Text.Json.Nodes;

namespace Scim.Api.Http;

/// <summary>The SCIM User body of a platform user created outside SCIM (the owner, an admin): userName defaults to the e-mail.</summary>
public static class PlatformUserBodies
{
    public static string Of(string? userName, string? email, string? displayName)
    {
        var resource = new JsonObject
        {
            ["schemas"] = new JsonArray("urn:ietf:params:scim:schemas:core:2.0:User"),
            ["userName"] = userName ?? email,
        };
        if (displayName is not null) resource["displayName"] = displayName;
        if (email is not null) resource["emails"] = new JsonArray(new JsonObject { ["value"] = email, ["type"] = "work", ["primary"] = true });
        return resource.ToJsonString();
    }
}
