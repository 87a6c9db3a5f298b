namespace Scim.Grains.Schemas;

/// <summary>One attribute of a SCIM schema with its characteristics (RFC 7643 §2.2, §7).</summary>
public sealed record AttributeDefinition(
    string Name,
    AttributeType Type,
    string Description,
    bool MultiValued = false,
    bool Required = false,
    bool CaseExact = false,
    Mutability Mutability = Mutability.ReadWrite,
    Returned Returned = Returned.Default,
    Uniqueness Uniqueness = Uniqueness.None,
    IReadOnlyList<AttributeDefinition>? SubAttributes = null,
    IReadOnlyList<string>? CanonicalValues = null,
    IReadOnlyList<string>? ReferenceTypes = null)
{
    public IReadOnlyList<AttributeDefinition> SubAttributeList => SubAttributes ?? [];

    /// <summary>The sub-attribute named <paramref name="name"/>, matched case-insensitively (RFC 7643 §2.1).</summary>
    public AttributeDefinition? FindSubAttribute(string name) => Named(SubAttributeList, name);

    /// <summary>
    /// The attribute of a list named <paramref name="name"/>, case-insensitively; a loop, since rendering and checking a
    /// resource look up each of its attributes and a query with a lambda would allocate each time.
    /// </summary>
    public static AttributeDefinition? Named(IReadOnlyList<AttributeDefinition> attributes, string name)
    {
        for (var i = 0; i < attributes.Count; i++)
            if (string.Equals(attributes[i].Name, name, StringComparison.OrdinalIgnoreCase)) return attributes[i];
        return null;
    }

    public bool IsComplex => Type == AttributeType.Complex;
}
