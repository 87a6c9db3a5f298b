namespace Scim.Grains.Schemas;

/// <summary>SCIM attribute data types (RFC 7643 §2.3).</summary>
public enum AttributeType { String, Boolean, Decimal, Integer, DateTime, Binary, Reference, Complex }
