namespace Scim.Grains.Schemas;

/// <summary>Short constructors for schema tables; defaults follow RFC 7643 §2.2.</summary>
internal static class Attr
{
    public static AttributeDefinition String(string name, string description, bool required = false, bool caseExact = false,
        Mutability mutability = Mutability.ReadWrite, Returned returned = Returned.Default, Uniqueness uniqueness = Uniqueness.None,
        IReadOnlyList<string>? canonicalValues = null) =>
        new(name, AttributeType.String, description, Required: required, CaseExact: caseExact, Mutability: mutability,
            Returned: returned, Uniqueness: uniqueness, CanonicalValues: canonicalValues);

    public static AttributeDefinition Boolean(string name, string description, Mutability mutability = Mutability.ReadWrite, bool required = false) =>
        new(name, AttributeType.Boolean, description, Required: required, Mutability: mutability);

    public static AttributeDefinition Integer(string name, string description, Mutability mutability = Mutability.ReadOnly, bool required = false) =>
        new(name, AttributeType.Integer, description, Required: required, Mutability: mutability);

    public static AttributeDefinition DateTime(string name, string description, Mutability mutability = Mutability.ReadOnly) =>
        new(name, AttributeType.DateTime, description, Mutability: mutability);

    public static AttributeDefinition Reference(string name, string description, IReadOnlyList<string> referenceTypes,
        Mutability mutability = Mutability.ReadWrite, bool caseExact = true, bool required = false) =>
        new(name, AttributeType.Reference, description, Required: required, CaseExact: caseExact, Mutability: mutability, ReferenceTypes: referenceTypes);

    public static AttributeDefinition Complex(string name, string description, IReadOnlyList<AttributeDefinition> subAttributes,
        bool multiValued = false, Mutability mutability = Mutability.ReadWrite, bool required = false, Returned returned = Returned.Default) =>
        new(name, AttributeType.Complex, description, MultiValued: multiValued, Required: required, Mutability: mutability,
            Returned: returned, SubAttributes: subAttributes);

    /// <summary>The usual multi-valued shape (value, display, type, primary) of emails, phoneNumbers, ims, roles and the like.</summary>
    public static AttributeDefinition MultiValuedValue(string name, string description, IReadOnlyList<string>? types,
        AttributeType valueType = AttributeType.String, IReadOnlyList<string>? referenceTypes = null) =>
        Complex(name, description,
        [
            new("value", valueType, $"The value of the {name} entry.", ReferenceTypes: referenceTypes),
            String("display", "A human-readable name, primarily used for display purposes."),
            String("type", "A label indicating the attribute's function.", canonicalValues: types),
            Boolean("primary", "A Boolean value indicating the 'primary' or preferred attribute value for this attribute."),
        ], multiValued: true);

    /// <summary>Makes an attribute multi-valued (for the few simple multi-valued attributes of the meta-schemas).</summary>
    public static AttributeDefinition Many(AttributeDefinition attribute) => attribute with { MultiValued = true };
}
