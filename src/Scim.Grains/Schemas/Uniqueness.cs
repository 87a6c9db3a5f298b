namespace Scim.Grains.Schemas;

/// <summary>Attribute uniqueness (RFC 7643 §7).</summary>
public enum Uniqueness { None, Server, Global }
