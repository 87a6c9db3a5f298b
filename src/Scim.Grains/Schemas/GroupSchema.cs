
namespace Scim.Grains.Schemas;

/// <summary>The core Group schema (RFC 7643 §4.2, §8.7.1).</summary>
public static class GroupSchema
{
    public static readonly AttributeDefinition Members = Attr.Complex("members", "A list of members of the Group.",
    [
        // Members are users: nesting is arranged in the platform, so discovery offers no Group member.
        Attr.String("value", "Identifier of the member of this Group: a User's id.", caseExact: true, mutability: Mutability.Immutable),
        Attr.Reference("$ref", "The URI corresponding to the User that is a member of this Group.", ["User"], Mutability.Immutable),
        Attr.String("type", "The type of the member: always 'User' (groups are nested in the platform, not over SCIM).",
            mutability: Mutability.Immutable, canonicalValues: ["User"]),
        // Kept as the IdP sent it: the IdP's own label for the member.
        Attr.String("display", "A human-readable name for the member, as the provisioning client sent it."),
    ], multiValued: true);

    public static readonly SchemaDefinition Definition = new(SchemaUrns.Group, "Group", "Group",
    [
        Attr.String("displayName", $"A human-readable name for the Group, at most {ScimLimits.MaxIndexedLength} characters.", required: true, uniqueness: Uniqueness.Server),
        Members,
    ]);
}
