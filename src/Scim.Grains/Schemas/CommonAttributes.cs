
namespace Scim.Grains.Schemas;

/// <summary>The attributes every resource has (RFC 7643 §3.1): id, externalId and meta. They belong to no schema's list.</summary>
public static class CommonAttributes
{
    public static readonly AttributeDefinition Id = Attr.String("id", "A unique identifier for a SCIM resource as defined by the service provider.",
        caseExact: true, mutability: Mutability.ReadOnly, returned: Returned.Always, uniqueness: Uniqueness.Server);

    public static readonly AttributeDefinition ExternalId = Attr.String("externalId",
        $"A String that is an identifier for the resource as defined by the provisioning client, at most {ScimLimits.MaxIndexedLength} characters.", caseExact: true);

    public static readonly AttributeDefinition Meta = Attr.Complex("meta", "A complex attribute containing resource metadata.",
    [
        Attr.String("resourceType", "The name of the resource type of the resource.", caseExact: true, mutability: Mutability.ReadOnly),
        Attr.DateTime("created", "The DateTime that the resource was added to the service provider."),
        Attr.DateTime("lastModified", "The most recent DateTime that the details of this resource were updated at the service provider."),
        Attr.Reference("location", "The URI of the resource being returned.", ["uri"], Mutability.ReadOnly),
        Attr.String("version", "The version of the resource being returned.", caseExact: true, mutability: Mutability.ReadOnly),
    ], mutability: Mutability.ReadOnly);

    public static readonly IReadOnlyList<AttributeDefinition> All = [Id, ExternalId, Meta];
}
