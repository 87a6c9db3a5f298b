using Scim.Grains.Filtering;
using Scim.Grains.Interfaces.Resources;
using Scim.Grains.Schemas;

namespace Scim.Grains.Storage.Postgres;

/// <summary>
/// Turns a validated filter into a SQL condition over <c>scim_resources r</c> with the semantics of
/// <see cref="FilterEvaluator"/>: a multi-valued attribute matches when any value does, strings compare by the
/// attribute's caseExact, values by the attribute's type. Every value and name from the filter becomes a
/// positional parameter; the SQL text holds only fixed fragments. userName, externalId, displayName, id and
/// meta.created/lastModified compare on their indexed columns. A group's members and a user's groups are read from
/// the membership rows and the tree; <c>groups.value eq</c> (is the user in this group, directly or below it) is a
/// semi-join on the group's subtree, so it does not evaluate every user's groups.
/// </summary>
internal sealed class PostgresFilter(ResourceSchema schema, SqlParameters parameters, string tenantParameter)
{
    /// <summary>
    /// Whether a top-level conjunct is an equality on an indexed column (id, externalId, userName, displayName), so that
    /// few rows can match: the lookups IdPs send before every write.
    /// </summary>
    public static bool IsNarrow(FilterNode? filter, ResourceSchema schema) => HasEquality(filter, schema, column => !column.IsTimestamp);

    /// <summary>Whether a top-level conjunct is an equality on a name (userName, displayName, externalId), which leads its index.</summary>
    public static bool IsNameLookup(FilterNode? filter, ResourceSchema schema) => HasEquality(filter, schema, column => column.IsName);

    private static bool HasEquality(FilterNode? filter, ResourceSchema schema, Func<ResourceColumn, bool> indexed) => filter switch
    {
        And and => HasEquality(and.Left, schema, indexed) || HasEquality(and.Right, schema, indexed),
        Compare { Op: CompareOp.Eq } compare when compare.Value.Kind != LiteralKind.Null =>
            schema.Resolve(compare.Path) is { } resolved && ResourceColumn.Of(resolved, schema.Kind) is { } column && indexed(column),
        _ => false,
    };

    public string Condition(FilterNode node) => node switch
    {
        And and => $"({Condition(and.Left)} AND {Condition(and.Right)})",
        Or or => $"({Condition(or.Left)} OR {Condition(or.Right)})",
        Not not => $"(NOT {Condition(not.Inner)})",
        Present present => PresentCondition(present.Path),
        Compare compare => CompareCondition(compare),
        ValuePath valuePath => ValuePathCondition(valuePath),
        _ => throw new ArgumentOutOfRangeException(nameof(node)),
    };

    private string PresentCondition(AttrPath path)
    {
        var resolved = schema.Resolve(path)!;
        if (ResourceColumn.Of(resolved, schema.Kind) is { } column) return column.Present;
        var (source, leaf) = Values(resolved);
        return Any(source, $"scim_present({Leaf(leaf)})");
    }

    private string CompareCondition(Compare compare)
    {
        var resolved = schema.Resolve(compare.Path)!;
        if (ResourceColumn.Of(resolved, schema.Kind) is { } column)
        {
            if (compare.Value.Kind == LiteralKind.Null) return compare.Op == CompareOp.Eq ? $"(NOT {column.Present})" : column.Present;
            var op = compare.Op == CompareOp.Ne ? CompareOp.Eq : compare.Op;
            var test = column.IsTimestamp
                ? $"{column.Sql} {Ordering(op)} {Literal(AttributeType.DateTime, compare.Value.Text)}"
                : TextCondition(column.Sql, column.CaseExact, op, compare.Value.Text);
            // Never null (so NOT stays exact), and still a plain comparison the column's index can serve.
            var matched = $"({column.Sql} IS NOT NULL AND {test})";
            return compare.Op == CompareOp.Ne ? $"(NOT {matched})" : matched;
        }
        var (source, leaf) = Values(resolved);
        var definition = leaf ?? resolved.Attribute;
        if (resolved.Attribute == UserSchema.Groups && definition.Name == "value" && compare.Op == CompareOp.Eq && compare.Value.Kind != LiteralKind.Null)
        {
            return $"r.id IN (SELECT m.member_id FROM scim_memberships m WHERE m.tenant = {tenantParameter} "
                + $"AND m.group_id IN (SELECT scim_group_subtree({tenantParameter}, {parameters.Add(compare.Value.Text)}::text)))";
        }
        if (compare.Value.Kind == LiteralKind.Null)
        {
            var present = Any(source, $"scim_present({Leaf(leaf)})");
            return compare.Op == CompareOp.Eq ? $"(NOT {present})" : present;
        }
        if (compare.Op == CompareOp.Ne) return $"(NOT {Any(source, ValueCondition(Leaf(leaf), definition, CompareOp.Eq, compare.Value.Text))})";
        return Any(source, ValueCondition(Leaf(leaf), definition, compare.Op, compare.Value.Text));
    }

    private string ValuePathCondition(ValuePath valuePath)
    {
        var resolved = schema.Resolve(valuePath.Path)!;
        var source = Source(resolved);
        return Any(source, ElementCondition(valuePath.Inner, resolved.Attribute));
    }

    /// <summary>The inner filter of a value path, on one element <c>v.e</c> of the multi-valued attribute.</summary>
    private string ElementCondition(FilterNode node, AttributeDefinition attribute)
    {
        switch (node)
        {
            case And and: return $"({ElementCondition(and.Left, attribute)} AND {ElementCondition(and.Right, attribute)})";
            case Or or: return $"({ElementCondition(or.Left, attribute)} OR {ElementCondition(or.Right, attribute)})";
            case Not not: return $"(NOT {ElementCondition(not.Inner, attribute)})";
            case Present present:
                return $"coalesce(scim_present({Leaf(FilterValidator.ResolveSub(present.Path, attribute))}), false)";
            case Compare compare:
                var sub = FilterValidator.ResolveSub(compare.Path, attribute);
                var value = Leaf(sub);
                if (compare.Value.Kind == LiteralKind.Null)
                {
                    var present = $"coalesce(scim_present({value}), false)";
                    return compare.Op == CompareOp.Eq ? $"(NOT {present})" : present;
                }
                return compare.Op == CompareOp.Ne
                    ? $"(NOT {ValueCondition(value, sub, CompareOp.Eq, compare.Value.Text)})"
                    : ValueCondition(value, sub, compare.Op, compare.Value.Text);
            default:
                throw new ArgumentOutOfRangeException(nameof(node));
        }
    }

    /// <summary>Where the values of an attribute come from (a row source yielding <c>v.e</c>), and the sub-attribute compared.</summary>
    private (string Source, AttributeDefinition? Leaf) Values(ResolvedAttribute resolved)
    {
        var attribute = resolved.Attribute;
        var leaf = resolved.SubAttribute ?? (attribute.IsComplex ? attribute.FindSubAttribute("value") : null);
        return (Source(resolved), leaf);
    }

    private string Source(ResolvedAttribute resolved)
    {
        if (schema.Kind == ResourceKind.Group && resolved.Attribute.Name == GroupSchema.Members.Name)
        {
            // Members are rows beside the group, exposed as the objects the in-memory evaluator sees.
            return "scim_memberships m CROSS JOIN LATERAL (SELECT jsonb_strip_nulls(jsonb_build_object('value', m.member_id, 'display', m.display)) AS e) v "
                + "WHERE m.tenant = r.tenant AND m.group_id = r.id AND m.source = 'scim'";
        }
        if (resolved.Attribute == UserSchema.Groups) return $"scim_user_groups({tenantParameter}, r.id) AS v(e) WHERE true";
        var container = resolved.InExtension ? $"(r.document -> {parameters.Add(resolved.Schema!.Id)})" : "r.document";
        return $"scim_values({container} -> {parameters.Add(resolved.Attribute.Name)}) AS v(e) WHERE true";
    }

    private string Leaf(AttributeDefinition? leaf) => leaf is null ? "v.e" : $"(v.e -> {parameters.Add(leaf.Name)})";

    private static string Any(string source, string condition) => $"EXISTS (SELECT 1 FROM {source} AND {condition})";

    /// <summary>One stored JSON value compared as the attribute's type; never null.</summary>
    private string ValueCondition(string value, AttributeDefinition definition, CompareOp op, string literal)
    {
        var test = definition.Type switch
        {
            AttributeType.Boolean => $"jsonb_typeof({value}) = 'boolean' AND ({value})::boolean {Ordering(op)} {Literal(definition.Type, literal)}",
            AttributeType.Integer or AttributeType.Decimal =>
                $"jsonb_typeof({value}) = 'number' AND ({value})::numeric {Ordering(op)} {Literal(definition.Type, literal)}",
            AttributeType.DateTime =>
                $"jsonb_typeof({value}) = 'string' AND scim_timestamp({value} #>> '{{}}') {Ordering(op)} {Literal(definition.Type, literal)}",
            _ => $"jsonb_typeof({value}) = 'string' AND {TextCondition($"({value} #>> '{{}}')", definition.CaseExact, op, literal)}",
        };
        return $"coalesce(({test}), false)";
    }

    private string TextCondition(string text, bool caseExact, CompareOp op, string literal)
    {
        var parameter = $"{parameters.Add(literal)}::text";
        var (left, right) = caseExact ? (text, parameter) : ($"lower({text})", $"lower({parameter})");
        return op switch
        {
            CompareOp.Eq => $"{left} = {right}",
            CompareOp.Co => $"strpos({left}, {right}) > 0",
            CompareOp.Sw => $"starts_with({left}, {right})",
            CompareOp.Ew => $"right({left}, length({right})) = {right}",
            _ => $"{left} {Ordering(op)} {right} COLLATE \"C\"",
        };
    }

    private string Literal(AttributeType type, string text)
    {
        ScimValues.TryParseLiteral(type, text, out var value);
        return value switch
        {
            bool b => $"{parameters.Add(b)}::boolean",
            decimal d => $"{parameters.Add(d)}::numeric",
            DateTimeOffset t => $"{parameters.Add(t.ToUniversalTime())}::timestamptz",
            _ => $"{parameters.Add(text)}::text",
        };
    }

    private static string Ordering(CompareOp op) => op switch
    {
        CompareOp.Eq => "=",
        CompareOp.Gt => ">",
        CompareOp.Ge => ">=",
        CompareOp.Lt => "<",
        CompareOp.Le => "<=",
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, "Not an ordering operator."),
    };
}
