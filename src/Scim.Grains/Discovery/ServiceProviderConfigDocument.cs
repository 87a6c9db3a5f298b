using System.Text.Json.Nodes;
using Scim.Grains.Interfaces.Bulk;
using Scim.Grains.Schemas;

namespace Scim.Grains.Discovery;

/// <summary>The ServiceProviderConfig resource (RFC 7643 §5): exactly the features this server supports.</summary>
public static class ServiceProviderConfigDocument
{
    public static JsonObject Render(string baseUrl) => new()
    {
        ["schemas"] = new JsonArray(SchemaUrns.ServiceProviderConfig),
        ["patch"] = Supported(true),
        ["bulk"] = new JsonObject { ["supported"] = true, ["maxOperations"] = BulkLimits.MaxOperations, ["maxPayloadSize"] = BulkLimits.MaxPayloadBytes },
        ["filter"] = new JsonObject { ["supported"] = true, ["maxResults"] = ScimLimits.MaxResults },
        ["changePassword"] = Supported(false),
        ["sort"] = Supported(true),
        ["etag"] = Supported(true),
        ["pagination"] = new JsonObject
        {
            ["cursor"] = true,
            ["index"] = true,
            ["defaultPaginationMethod"] = "index",
            ["defaultPageSize"] = ScimLimits.MaxResults,
            ["maxPageSize"] = ScimLimits.MaxResults,
        },
        ["authenticationSchemes"] = new JsonArray(new JsonObject
        {
            ["type"] = "oauthbearertoken",
            ["name"] = "OAuth Bearer Token",
            ["description"] = "A per-tenant bearer token issued by the platform, sent as 'Authorization: Bearer <token>'.",
            ["specUri"] = "https://www.rfc-editor.org/info/rfc6750",
            ["primary"] = true,
        }),
        ["meta"] = new JsonObject
        {
            ["resourceType"] = "ServiceProviderConfig",
            ["location"] = $"{baseUrl}/ServiceProviderConfig",
        },
    };

    private static JsonObject Supported(bool supported) => new() { ["supported"] = supported };
}
