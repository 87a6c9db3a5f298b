namespace Scim.Grains.Schemas;

/// <summary>When an attribute is returned (RFC 7643 §7).</summary>
public enum Returned { Always, Never, Default, Request }
