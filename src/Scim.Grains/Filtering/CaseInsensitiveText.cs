namespace Scim.Grains.Filtering;

/// <summary>
/// How a filter compares strings that are not case-exact (RFC 7643 §2.2): both sides lowercased (invariant), then
/// compared ordinally. That is the key uniqueness gives a name (<see cref="Rules.UniqueNames.Key"/>), the order a sort
/// puts such values in (<see cref="SortKeys"/>) and what PostgreSQL compares (<c>lower()</c>, ordered under
/// <c>COLLATE "C"</c>), so a filter finds what the rest of the service calls the same name, on either store. .NET's own
/// ignore-case comparison folds to upper case instead and disagrees on a few characters: the Kelvin sign lowercases to
/// k but is not k in upper case, σ and ς share an upper case but not a lower one, and '_' sorts after the letters in
/// upper case but before them in lower case.
/// </summary>
public static class CaseInsensitiveText
{
    /// <summary>Longer strings than this are lowercased on the heap rather than the stack.</summary>
    private const int StackChars = 256;

    /// <summary>Whether <paramref name="text"/> satisfies <paramref name="op"/> against <paramref name="literal"/>, case ignored.</summary>
    public static bool Satisfies(string text, CompareOp op, string literal)
    {
        // Invariant lowercasing maps each character (or surrogate pair) to one of the same length.
        var length = text.Length + literal.Length;
        var buffer = length <= StackChars ? stackalloc char[length] : new char[length];
        var left = buffer[..text.Length];
        var right = buffer[text.Length..];
        text.AsSpan().ToLowerInvariant(left);
        literal.AsSpan().ToLowerInvariant(right);
        return op switch
        {
            CompareOp.Eq => left.SequenceEqual(right),
            CompareOp.Co => left.IndexOf(right) >= 0,
            CompareOp.Sw => left.StartsWith(right),
            CompareOp.Ew => left.EndsWith(right),
            _ => op.Orders(left.SequenceCompareTo(right)),
        };
    }
}
