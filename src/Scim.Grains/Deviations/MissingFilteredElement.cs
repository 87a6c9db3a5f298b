using System.Text.Json.Nodes;
using Scim.Grains.Filtering;
using Scim.Grains.Schemas;

namespace Scim.Grains.Deviations;

/// <summary>
/// Entra ID sets a sub-attribute through a filtered path whose element does not exist yet, as in
/// <c>replace emails[type eq "work"].value</c> on a user without a work e-mail (E7). RFC 7644 §3.5.2.3 would answer
/// 400 noTarget; Entra means "the work e-mail", so the element the filter describes is created. Only a filter of
/// <c>eq</c> comparisons joined by <c>and</c> describes one element.
/// </summary>
/// <remarks>Test: <c>IdpQuirksTests.E7_FilteredPathOnMissingElement_CreatesIt</c>.</remarks>
public static class MissingFilteredElement
{
    /// <summary>The element the filter describes, with its sub-attributes' canonical names and the filter's values as text; null for other filters.</summary>
    public static JsonObject? Describe(FilterNode filter, AttributeDefinition attribute)
    {
        var element = new JsonObject();
        return Fill(filter) ? element : null;

        bool Fill(FilterNode node)
        {
            switch (node)
            {
                case And and: return Fill(and.Left) && Fill(and.Right);
                case Compare { Op: CompareOp.Eq } compare when compare.Value.Kind != LiteralKind.Null:
                    element[FilterValidator.ResolveSub(compare.Path, attribute).Name] = compare.Value.Text;
                    return true;
                default: return false;
            }
        }
    }
}
