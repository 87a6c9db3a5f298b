namespace Scim.Grains.Filtering;

/// <summary>What a filter literal looked like: a quoted string, true/false, null, a number, or an unquoted word (E13).</summary>
public enum LiteralKind { String, Boolean, Null, Number, Unquoted }
