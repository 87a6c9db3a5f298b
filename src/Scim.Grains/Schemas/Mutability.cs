namespace Scim.Grains.Schemas;

/// <summary>Attribute mutability (RFC 7643 §7).</summary>
public enum Mutability { ReadOnly, ReadWrite, Immutable, WriteOnly }
