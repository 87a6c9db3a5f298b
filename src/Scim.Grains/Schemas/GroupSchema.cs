namespace Scim.Grains.Schemas;

/// <summary>The core Group schema (RFC 7643 §4.2, §8.7.1).</summary>
public static class GroupSchema
{
    public static readonly AttributeDefinition Members = Attr.Complex("members", "A list of members of the Group.",
    [
        Attr.String("value", "Identifier of the member of this Group.", caseExact: true, mutability: Mutability.Immutable),
        Attr.Reference("$ref", "The URI corresponding to a SCIM resource that is a member of this Group.", ["User", "Group"], Mutability.Immutable),
        Attr.String("type", "A label indicating the type of resource, e.g., 'User' or 'Group'.",
            mutability: Mutability.Immutable, canonicalValues: ["User", "Group"]),
        // Kept as the IdP sent it: the IdP's own label for the member.
        Attr.String("display", "A human-readable name for the member, as the provisioning client sent it."),
    ], multiValued: true);

    public static readonly SchemaDefinition Definition = new(SchemaUrns.Group, "Group", "Group",
    [
        Attr.String("displayName", "A human-readable name for the Group.", required: true, uniqueness: Uniqueness.Server),
        Members,
    ]);
}
