namespace Scim.Grains.Filtering;

/// <summary>A comparison value as written in a filter. Its meaning is fixed against the attribute's type at evaluation.</summary>
public sealed record ScimLiteral(LiteralKind Kind, string Text);
