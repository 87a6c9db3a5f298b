namespace Scim.Grains.Filtering;

/// <summary>The attribute operators of RFC 7644 §3.4.2.2 (pr has its own node).</summary>
public enum CompareOp { Eq, Ne, Co, Sw, Ew, Gt, Ge, Lt, Le }
