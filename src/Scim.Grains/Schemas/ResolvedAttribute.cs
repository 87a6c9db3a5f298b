namespace Scim.Grains.Schemas;

/// <summary>
/// An attribute path resolved against a resource's schemas: the owning schema (null for the common attributes),
/// the attribute and, when the path names one, its sub-attribute.
/// </summary>
public sealed record ResolvedAttribute(SchemaDefinition? Schema, bool InExtension, AttributeDefinition Attribute, AttributeDefinition? SubAttribute)
{
    /// <summary>The definition the path ends on: the sub-attribute when there is one, else the attribute.</summary>
    public AttributeDefinition Target => SubAttribute ?? Attribute;
}
