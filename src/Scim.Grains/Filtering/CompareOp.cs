namespace Scim.Grains.Filtering;

/// <summary>The attribute operators of RFC 7644 §3.4.2.2 (pr has its own node).</summary>
public enum CompareOp { Eq, Ne, Co, Sw, Ew, Gt, Ge, Lt, Le }

public static class CompareOps
{
    /// <summary>Whether an order (negative, zero, positive: a value against the literal) satisfies gt, ge, lt or le.</summary>
    public static bool Orders(this CompareOp op, int order) => op switch
    {
        CompareOp.Gt => order > 0,
        CompareOp.Ge => order >= 0,
        CompareOp.Lt => order < 0,
        CompareOp.Le => order <= 0,
        _ => false,
    };
}
