namespace Scim.Grains.Schemas;

/// <summary>A SCIM schema (RFC 7643 §7): its URN, name, description and attributes.</summary>
public sealed record SchemaDefinition(string Id, string Name, string Description, IReadOnlyList<AttributeDefinition> Attributes)
{
    public AttributeDefinition? FindAttribute(string name) => AttributeDefinition.Named(Attributes, name);
}
