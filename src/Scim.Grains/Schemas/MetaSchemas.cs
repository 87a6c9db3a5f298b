namespace Scim.Grains.Schemas;

/// <summary>The schemas that describe the discovery resources themselves (RFC 7643 §5, §6, §7 and §8.7.2).</summary>
public static class MetaSchemas
{
    private static AttributeDefinition Supported(string name, string description, params AttributeDefinition[] more) =>
        Attr.Complex(name, description,
            [Attr.Boolean("supported", "A Boolean value specifying whether or not the operation is supported.", Mutability.ReadOnly, required: true), .. more],
            mutability: Mutability.ReadOnly, required: true);

    public static readonly SchemaDefinition ServiceProviderConfig = new(SchemaUrns.ServiceProviderConfig, "Service Provider Configuration",
        "Schema for representing the service provider's configuration",
    [
        Attr.Reference("documentationUri", "An HTTP-addressable URL pointing to the service provider's human-consumable help documentation.", ["external"], Mutability.ReadOnly),
        Supported("patch", "A complex type that specifies PATCH configuration options."),
        Supported("bulk", "A complex type that specifies bulk configuration options.",
            Attr.Integer("maxOperations", "An integer value specifying the maximum number of operations.", required: true),
            Attr.Integer("maxPayloadSize", "An integer value specifying the maximum payload size in bytes.", required: true)),
        Supported("filter", "A complex type that specifies FILTER options.",
            Attr.Integer("maxResults", "An integer value specifying the maximum number of resources returned in a response.", required: true)),
        Supported("changePassword", "A complex type that specifies configuration options related to changing a password."),
        Supported("sort", "A complex type that specifies sort result options."),
        Supported("etag", "A complex type that specifies ETag configuration options."),
        Attr.Complex("pagination", "Pagination options (RFC 9865).",
        [
            Attr.Boolean("cursor", "Whether cursor-based pagination is supported.", Mutability.ReadOnly),
            Attr.Boolean("index", "Whether index-based pagination is supported.", Mutability.ReadOnly),
            Attr.String("defaultPaginationMethod", "The pagination method used when a request names none.", mutability: Mutability.ReadOnly,
                canonicalValues: ["cursor", "index"]),
            Attr.Integer("defaultPageSize", "The page size used when a request gives no count."),
            Attr.Integer("maxPageSize", "The largest page size honoured."),
            Attr.Integer("cursorTimeout", "Seconds a cursor stays valid; absent when cursors do not expire."),
        ], mutability: Mutability.ReadOnly),
        Attr.Complex("authenticationSchemes", "A complex type that specifies supported authentication scheme properties.",
        [
            Attr.String("type", "The authentication scheme.", required: true, mutability: Mutability.ReadOnly,
                canonicalValues: ["oauth", "oauth2", "oauthbearertoken", "httpbasic", "httpdigest"]),
            Attr.String("name", "The common authentication scheme name, e.g., HTTP Basic.", required: true, mutability: Mutability.ReadOnly),
            Attr.String("description", "A description of the authentication scheme.", required: true, mutability: Mutability.ReadOnly),
            Attr.Reference("specUri", "An HTTP-addressable URL pointing to the authentication scheme's specification.", ["external"], Mutability.ReadOnly),
            Attr.Reference("documentationUri", "An HTTP-addressable URL pointing to the authentication scheme's usage documentation.", ["external"], Mutability.ReadOnly),
            Attr.Boolean("primary", "A Boolean value specifying whether or not this is the preferred authentication scheme.", Mutability.ReadOnly),
        ], multiValued: true, mutability: Mutability.ReadOnly, required: true),
    ]);

    public static readonly SchemaDefinition ResourceType = new(SchemaUrns.ResourceType, "ResourceType", "Specifies the schema that describes a SCIM resource type",
    [
        Attr.String("id", "The resource type's server unique id. May be the same as the 'name' attribute.", mutability: Mutability.ReadOnly),
        Attr.String("name", "The resource type name.", required: true, mutability: Mutability.ReadOnly),
        Attr.String("description", "The resource type's human-readable description.", mutability: Mutability.ReadOnly),
        Attr.Reference("endpoint", "The resource type's HTTP-addressable endpoint relative to the Base URL, e.g., '/Users'.", ["uri"], Mutability.ReadOnly, required: true),
        Attr.Reference("schema", "The resource type's primary/base schema URI.", ["uri"], Mutability.ReadOnly, required: true),
        Attr.Complex("schemaExtensions", "A list of URIs of the resource type's schema extensions.",
        [
            Attr.Reference("schema", "The URI of a schema extension.", ["uri"], Mutability.ReadOnly, required: true),
            Attr.Boolean("required", "A Boolean value that specifies whether or not the schema extension is required for the resource type.", Mutability.ReadOnly, required: true),
        ], multiValued: true, mutability: Mutability.ReadOnly),
    ]);

    private static readonly AttributeDefinition[] AttributeCharacteristics =
    [
        Attr.String("name", "The attribute's name.", required: true, caseExact: true, mutability: Mutability.ReadOnly),
        Attr.String("type", "The attribute's data type.", required: true, mutability: Mutability.ReadOnly,
            canonicalValues: ["string", "complex", "boolean", "decimal", "integer", "dateTime", "reference", "binary"]),
        Attr.Boolean("multiValued", "A Boolean value indicating an attribute's plurality.", Mutability.ReadOnly, required: true),
        Attr.String("description", "A human-readable description of the attribute.", mutability: Mutability.ReadOnly),
        Attr.Boolean("required", "A boolean value indicating whether or not the attribute is required.", Mutability.ReadOnly),
        Attr.Many(Attr.String("canonicalValues", "A collection of canonical values.", caseExact: true, mutability: Mutability.ReadOnly)),
        Attr.Boolean("caseExact", "A Boolean value indicating whether or not a string attribute is case sensitive.", Mutability.ReadOnly),
        Attr.String("mutability", "Indicates whether or not an attribute is modifiable.", mutability: Mutability.ReadOnly,
            canonicalValues: ["readOnly", "readWrite", "immutable", "writeOnly"]),
        Attr.String("returned", "Indicates when an attribute is returned in a response.", mutability: Mutability.ReadOnly,
            canonicalValues: ["always", "never", "default", "request"]),
        Attr.String("uniqueness", "Indicates how unique a value must be.", mutability: Mutability.ReadOnly, canonicalValues: ["none", "server", "global"]),
        Attr.Many(Attr.String("referenceTypes", "Used only with an attribute of type 'reference'.", caseExact: true, mutability: Mutability.ReadOnly)),
    ];

    public static readonly SchemaDefinition Schema = new(SchemaUrns.Schema, "Schema", "Specifies the schema attribute", 
    [
        Attr.String("id", "The unique URI of the schema.", required: true, caseExact: true, mutability: Mutability.ReadOnly),
        Attr.String("name", "The schema's human-readable name.", mutability: Mutability.ReadOnly),
        Attr.String("description", "The schema's human-readable description.", mutability: Mutability.ReadOnly),
        Attr.Complex("attributes", "A complex attribute that includes the attributes of a schema.",
        [
            .. AttributeCharacteristics,
            Attr.Complex("subAttributes", "Used to define the sub-attributes of a complex attribute.", AttributeCharacteristics,
                multiValued: true, mutability: Mutability.ReadOnly),
        ], multiValued: true, mutability: Mutability.ReadOnly, required: true),
    ]);
}
