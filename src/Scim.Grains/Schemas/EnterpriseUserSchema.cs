namespace Scim.Grains.Schemas;

/// <summary>The Enterprise User extension (RFC 7643 §4.3).</summary>
public static class EnterpriseUserSchema
{
    public static readonly SchemaDefinition Definition = new(SchemaUrns.EnterpriseUser, "EnterpriseUser", "Enterprise User",
    [
        Attr.String("employeeNumber", "Numeric or alphanumeric identifier assigned to a person, typically based on order of hire or association with an organization."),
        Attr.String("costCenter", "Identifies the name of a cost center."),
        Attr.String("organization", "Identifies the name of an organization."),
        Attr.String("division", "Identifies the name of a division."),
        Attr.String("department", "Identifies the name of a department."),
        Attr.Complex("manager", "The User's manager.",
        [
            Attr.String("value", "The id of the SCIM resource representing the User's manager."),
            Attr.Reference("$ref", "The URI of the SCIM resource representing the User's manager.", ["User"]),
            Attr.String("displayName", "The displayName of the User's manager.", mutability: Mutability.ReadOnly),
        ]),
    ]);
}
