using System.Text.Json.Nodes;
using Scim.Grains.Documents;
using Scim.Grains.Schemas;

namespace Scim.Grains.Filtering;

/// <summary>
/// Evaluates a validated filter against a resource document in memory (RFC 7644 §3.4.2.2): a multi-valued
/// attribute matches when any of its values does; string comparisons follow the attribute's caseExact, ignoring case
/// as <see cref="CaseInsensitiveText"/> says.
/// </summary>
public static class FilterEvaluator
{
    public static bool Matches(FilterNode node, JsonObject resource, ResourceSchema schema) => node switch
    {
        And and => Matches(and.Left, resource, schema) && Matches(and.Right, resource, schema),
        Or or => Matches(or.Left, resource, schema) || Matches(or.Right, resource, schema),
        Not not => !Matches(not.Inner, resource, schema),
        Present present => ValuesOf(present.Path, resource, schema, out _).Any(IsPresent),
        Compare compare => CompareValues(ValuesOf(compare.Path, resource, schema, out var definition), definition, compare),
        ValuePath valuePath => ElementsOf(valuePath.Path, resource, schema, out var attribute)
            .Any(element => MatchesElement(valuePath.Inner, element, attribute)),
        _ => throw new ArgumentOutOfRangeException(nameof(node)),
    };

    /// <summary>
    /// Whether a single-valued string attribute holding <paramref name="text"/> (null: no value) satisfies a comparison,
    /// as <see cref="Matches"/> decides it on a document: for a store that keeps such an attribute beside the document.
    /// </summary>
    public static bool MatchesText(Compare compare, AttributeDefinition definition, string? text) =>
        CompareValues([text is null ? null : JsonValue.Create(text)], definition, compare);

    /// <summary>Evaluates the inner filter of a value path against one value of a multi-valued attribute.</summary>
    public static bool MatchesElement(FilterNode node, JsonNode? element, AttributeDefinition attribute) => node switch
    {
        And and => MatchesElement(and.Left, element, attribute) && MatchesElement(and.Right, element, attribute),
        Or or => MatchesElement(or.Left, element, attribute) || MatchesElement(or.Right, element, attribute),
        Not not => !MatchesElement(not.Inner, element, attribute),
        Present present => IsPresent(SubValue(element, FilterValidator.ResolveSub(present.Path, attribute))),
        Compare compare => CompareSub(element, FilterValidator.ResolveSub(compare.Path, attribute), compare),
        _ => throw new ArgumentOutOfRangeException(nameof(node)),
    };

    private static bool CompareSub(JsonNode? element, AttributeDefinition sub, Compare compare) =>
        CompareValues([SubValue(element, sub)], sub, compare);

    private static JsonNode? SubValue(JsonNode? element, AttributeDefinition sub) =>
        element is JsonObject obj ? obj[sub.Name] : null;

    /// <summary>The values a path denotes in a resource (several for a multi-valued attribute) and the definition they have.</summary>
    private static IEnumerable<JsonNode?> ValuesOf(AttrPath path, JsonObject resource, ResourceSchema schema, out AttributeDefinition definition)
    {
        var resolved = schema.Resolve(path)!;
        var attribute = resolved.Attribute;
        var node = ResourceDocument.Container(resource, resolved)?[attribute.Name];
        var leaf = resolved.SubAttribute ?? (attribute.IsComplex ? attribute.FindSubAttribute("value")! : null);
        definition = leaf ?? attribute;
        var values = attribute.MultiValued && node is JsonArray array ? array.ToList() : [node];
        return leaf is null ? values : values.Select(v => v is JsonObject obj ? obj[leaf.Name] : null);
    }

    private static IEnumerable<JsonNode?> ElementsOf(AttrPath path, JsonObject resource, ResourceSchema schema, out AttributeDefinition attribute)
    {
        var resolved = schema.Resolve(path)!;
        attribute = resolved.Attribute;
        var node = ResourceDocument.Container(resource, resolved)?[attribute.Name];
        return node switch { JsonArray array => array, null => [], _ => [node] };
    }

    private static bool IsPresent(JsonNode? node) => node switch
    {
        null => false,
        JsonArray array => array.Count > 0,
        JsonObject obj => obj.Count > 0,
        JsonValue value => !(value.TryGetValue<string>(out var s) && s.Length == 0),
        _ => true,
    };

    private static bool CompareValues(IEnumerable<JsonNode?> values, AttributeDefinition definition, Compare compare)
    {
        if (compare.Value.Kind == LiteralKind.Null)
        {
            var present = values.Any(IsPresent);
            return compare.Op == CompareOp.Eq ? !present : present;
        }
        ScimValues.TryParseLiteral(definition.Type, compare.Value.Text, out var literal);
        if (compare.Op == CompareOp.Ne) return !values.Any(v => Satisfies(v, definition, CompareOp.Eq, literal));
        return values.Any(v => Satisfies(v, definition, compare.Op, literal));
    }

    private static bool Satisfies(JsonNode? node, AttributeDefinition definition, CompareOp op, object literal)
    {
        if (!ScimValues.TryRead(definition.Type, node, out var value)) return false;
        if (value is string text)
        {
            var other = (string)literal;
            if (!definition.CaseExact) return CaseInsensitiveText.Satisfies(text, op, other);
            return op switch
            {
                CompareOp.Eq => string.Equals(text, other, StringComparison.Ordinal),
                CompareOp.Co => text.Contains(other, StringComparison.Ordinal),
                CompareOp.Sw => text.StartsWith(other, StringComparison.Ordinal),
                CompareOp.Ew => text.EndsWith(other, StringComparison.Ordinal),
                _ => op.Orders(string.CompareOrdinal(text, other)),
            };
        }
        var order = value switch
        {
            bool b => b.CompareTo((bool)literal),
            decimal d => d.CompareTo((decimal)literal),
            DateTimeOffset t => t.CompareTo((DateTimeOffset)literal),
            _ => throw new InvalidOperationException($"Unexpected value type {value.GetType()}"),
        };
        return op == CompareOp.Eq ? order == 0 : op.Orders(order);
    }

}
