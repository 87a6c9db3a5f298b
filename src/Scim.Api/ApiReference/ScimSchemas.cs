using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace Scim.Api.ApiReference;

/// <summary>
/// The SCIM shapes of RFC 7643/7644 as OpenAPI components: the SCIM endpoints take and give JSON documents that no
/// C# type describes (attributes are case-insensitive and tenants add their own), so they are written out here, with
/// examples an integrator can send as they are.
/// </summary>
internal static class ScimSchemas
{
    public const string Error = "ScimError";
    public const string User = "ScimUser";
    public const string Group = "ScimGroup";
    public const string ListResponse = "ScimListResponse";
    public const string PatchOp = "ScimPatchOp";
    public const string SearchRequest = "ScimSearchRequest";
    public const string BulkRequest = "ScimBulkRequest";
    public const string BulkResponse = "ScimBulkResponse";

    public static IEnumerable<(string Name, OpenApiSchema Schema)> All()
    {
        yield return (Error, Shaped(Object("A SCIM error (RFC 7644 §3.12); every refusal of the service has this shape.",
            ("schemas", Strings("[\"urn:ietf:params:scim:api:messages:2.0:Error\"]")),
            ("status", Text("The HTTP status, as a string.")),
            ("scimType", new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                Description = "The SCIM error type, for 400 and 409.",
                Enum = new[] { "invalidFilter", "tooMany", "uniqueness", "mutability", "invalidSyntax", "invalidPath", "noTarget", "invalidValue", "invalidVers", "sensitive" }
                    .Select(v => (JsonNode)JsonValue.Create(v)).ToList(),
            }),
            ("detail", Text("What was wrong, and what to send instead."))), [], """
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:Error"],"status":"409","scimType":"uniqueness","detail":"userName 'ada@example.com' is already taken."}
            """));
        yield return (User, Shaped(Object("A user (RFC 7643 §4.1). The tenant's custom fields sit under their extension's schema URN.",
            ("schemas", Strings("[\"urn:ietf:params:scim:schemas:core:2.0:User\"]")),
            ("id", ReadOnly(Text("The service's id of the user."))),
            ("externalId", Text("The identity provider's id of the user.")),
            ("userName", Text("Unique within the tenant, compared case-insensitively.")),
            ("name", Object("The user's name.", ("givenName", Text(null)), ("familyName", Text(null)), ("formatted", Text(null)))),
            ("displayName", Text(null)),
            ("active", new OpenApiSchema { Type = JsonSchemaType.Boolean, Description = "False suspends the user's sign-in." }),
            ("emails", Array(Object("An e-mail address.", ("value", Text(null)), ("type", Text("work, home or other.")), ("primary", new OpenApiSchema { Type = JsonSchemaType.Boolean })))),
            ("password", new OpenApiSchema { Type = JsonSchemaType.String, WriteOnly = true, Description = "Stored as a hash; never returned." }),
            ("groups", ReadOnly(Array(Object("A group the user is in, directly or through the group tree.", ("value", Text(null)), ("display", Text(null)), ("type", Text("direct or indirect.")))))),
            ("meta", Meta())), ["userName"], """
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"ada@example.com","externalId":"00u1ada","name":{"givenName":"Ada","familyName":"Lovelace"},"active":true,"emails":[{"value":"ada@example.com","type":"work","primary":true}]}
            """));
        yield return (Group, Shaped(Object("A group (RFC 7643 §4.2). Members are users; the group tree is arranged in the platform, not over SCIM.",
            ("schemas", Strings("[\"urn:ietf:params:scim:schemas:core:2.0:Group\"]")),
            ("id", ReadOnly(Text(null))),
            ("externalId", Text(null)),
            ("displayName", Text("Unique within the tenant.")),
            ("members", Array(Object("A member.", ("value", Text("The user's id.")), ("display", ReadOnly(Text(null))), ("$ref", ReadOnly(Text(null)))))),
            ("meta", Meta())), ["displayName"], """
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"Engineering","members":[{"value":"2819c223-7f76-453a-919d-413861904646"}]}
            """));
        yield return (ListResponse, Object("A page of resources (RFC 7644 §3.4.2).",
            ("schemas", Strings("[\"urn:ietf:params:scim:api:messages:2.0:ListResponse\"]")),
            ("totalResults", Integer("How many resources match.")),
            ("startIndex", Integer("The 1-based index of the first resource on this page.")),
            ("itemsPerPage", Integer("How many resources this page holds.")),
            ("Resources", Array(new OpenApiSchema { Type = JsonSchemaType.Object, Description = "A user or a group." }))));
        yield return (PatchOp, Shaped(Object("A PATCH (RFC 7644 §3.5.2); the operations apply in order, all or none.",
            ("schemas", Strings("[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"]")),
            ("Operations", Array(Object("An operation.",
                ("op", new OpenApiSchema { Type = JsonSchemaType.String, Enum = [JsonValue.Create("add"), JsonValue.Create("remove"), JsonValue.Create("replace")] }),
                ("path", Text("An attribute path, with a filter for multi-valued ones: members[value eq \"...\"]. Absent for add and replace of several attributes.")),
                ("value", new OpenApiSchema { Description = "The value to add or replace with." }))))), ["Operations"], """
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"add","path":"members","value":[{"value":"2819c223-7f76-453a-919d-413861904646"}]}]}
            """));
        yield return (SearchRequest, Shaped(Object("A query sent as a body (RFC 7644 §3.4.3), for filters too long for a URL.",
            ("schemas", Strings("[\"urn:ietf:params:scim:api:messages:2.0:SearchRequest\"]")),
            ("filter", Text("A SCIM filter, e.g. userName eq \"ada@example.com\".")),
            ("sortBy", Text(null)), ("sortOrder", Text("ascending or descending.")),
            ("startIndex", Integer(null)), ("count", Integer(null)), ("cursor", Text("Cursor paging: empty for the first page, then nextCursor.")),
            ("attributes", Array(Text(null))), ("excludedAttributes", Array(Text(null)))), [], """
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:SearchRequest"],"filter":"userName eq \"ada@example.com\"","startIndex":1,"count":10}
            """));
        yield return (BulkRequest, Shaped(Object("Several writes in one request (RFC 7644 §3.7); bulkId references resolve across them.",
            ("schemas", Strings("[\"urn:ietf:params:scim:api:messages:2.0:BulkRequest\"]")),
            ("failOnErrors", Integer("Stop after this many failed operations.")),
            ("Operations", Array(Object("An operation.", ("method", Text("POST, PUT, PATCH or DELETE.")), ("bulkId", Text(null)), ("path", Text("/Users, /Groups/{id}, ...")),
                ("version", Text("An ETag the resource must still have.")), ("data", new OpenApiSchema { Type = JsonSchemaType.Object }))))), [], """
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:BulkRequest"],"Operations":[{"method":"POST","bulkId":"ada","path":"/Users","data":{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"ada@example.com"}}]}
            """));
        yield return (BulkResponse, Object("The outcome of each operation of a bulk request, in order.",
            ("schemas", Strings("[\"urn:ietf:params:scim:api:messages:2.0:BulkResponse\"]")),
            ("Operations", Array(Object("An outcome.", ("method", Text(null)), ("bulkId", Text(null)), ("location", Text(null)), ("version", Text(null)),
                ("status", Text(null)), ("response", new OpenApiSchema { Type = JsonSchemaType.Object, Description = "A SCIM error, for a failed operation." }))))));
    }

    /// <summary>A component with its required properties and an example request or answer.</summary>
    private static OpenApiSchema Shaped(OpenApiSchema schema, string[] required, string example)
    {
        schema.Required = required.ToHashSet();
        schema.Examples = [JsonNode.Parse(example)!];
        return schema;
    }

    private static OpenApiSchema Object(string? description, params (string Name, OpenApiSchema Schema)[] properties) => new()
    {
        Type = JsonSchemaType.Object,
        Description = description,
        Properties = properties.ToDictionary(p => p.Name, p => (IOpenApiSchema)p.Schema),
    };

    private static OpenApiSchema Text(string? description) => new() { Type = JsonSchemaType.String, Description = description };

    private static OpenApiSchema Integer(string? description) => new() { Type = JsonSchemaType.Integer, Description = description };

    private static OpenApiSchema Array(OpenApiSchema items) => new() { Type = JsonSchemaType.Array, Items = items };

    private static OpenApiSchema Strings(string example) => new() { Type = JsonSchemaType.Array, Items = Text(null), Examples = [JsonNode.Parse(example)!] };

    private static OpenApiSchema ReadOnly(OpenApiSchema schema)
    {
        schema.ReadOnly = true;
        return schema;
    }

    private static OpenApiSchema Meta() => ReadOnly(Object("Set by the service.", ("resourceType", Text(null)), ("created", Text(null)),
        ("lastModified", Text(null)), ("version", Text("The ETag; send it in If-Match to write only over this version.")), ("location", Text(null))));
}
