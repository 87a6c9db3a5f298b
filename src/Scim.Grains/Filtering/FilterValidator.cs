using Scim.Grains.Interfaces.Errors;
using Scim.Grains.Schemas;

namespace Scim.Grains.Filtering;

/// <summary>
/// Checks a parsed filter against a resource type before it runs: every path must exist and be filterable, every
/// operator must suit the attribute's type and every value must parse as that type. A filter that passes here can
/// be evaluated without errors; one that does not is a 400 invalidFilter, never an unfiltered list.
/// </summary>
public static class FilterValidator
{
    public static void Validate(FilterNode node, ResourceSchema schema)
    {
        switch (node)
        {
            case And and: Validate(and.Left, schema); Validate(and.Right, schema); break;
            case Or or: Validate(or.Left, schema); Validate(or.Right, schema); break;
            case Not not: Validate(not.Inner, schema); break;
            case Present present: ResolveLeaf(present.Path, schema); break;
            case Compare compare: CheckComparison(ResolveLeaf(compare.Path, schema), compare); break;
            case ValuePath valuePath:
                var resolved = Resolve(valuePath.Path, schema);
                if (!resolved.Attribute.IsComplex || resolved.SubAttribute is not null)
                    throw ScimException.InvalidFilter($"'{valuePath.Path}' is not a complex attribute and takes no value filter.");
                ValidateElement(valuePath.Inner, resolved.Attribute);
                break;
        }
    }

    /// <summary>Validates the inner filter of a value path, whose paths name sub-attributes of <paramref name="attribute"/>.</summary>
    public static void ValidateElement(FilterNode node, AttributeDefinition attribute)
    {
        switch (node)
        {
            case And and: ValidateElement(and.Left, attribute); ValidateElement(and.Right, attribute); break;
            case Or or: ValidateElement(or.Left, attribute); ValidateElement(or.Right, attribute); break;
            case Not not: ValidateElement(not.Inner, attribute); break;
            case Present present: ResolveSub(present.Path, attribute); break;
            case Compare compare: CheckComparison(ResolveSub(compare.Path, attribute), compare); break;
            case ValuePath nested: throw ScimException.InvalidFilter($"Value filters cannot nest ('{nested.Path}').");
        }
    }

    public static AttributeDefinition ResolveSub(AttrPath path, AttributeDefinition attribute)
    {
        var sub = path.Urn is null && path.SubAttribute is null ? attribute.FindSubAttribute(path.Name) : null;
        if (sub is null) throw ScimException.InvalidFilter($"'{attribute.Name}' has no sub-attribute '{path}'.");
        return Filterable(sub, path);
    }

    private static ResolvedAttribute Resolve(AttrPath path, ResourceSchema schema) =>
        schema.Resolve(path) ?? throw ScimException.InvalidFilter($"Unknown attribute '{path}' for resource type {schema.Name}.");

    /// <summary>The definition a comparison runs against: a complex attribute without sub-attribute compares its 'value'.</summary>
    private static AttributeDefinition ResolveLeaf(AttrPath path, ResourceSchema schema)
    {
        var resolved = Resolve(path, schema);
        var target = resolved.Target;
        if (target.IsComplex)
            target = target.FindSubAttribute("value") ?? throw ScimException.InvalidFilter($"'{path}' is complex: name one of its sub-attributes.");
        return Filterable(target, path);
    }

    private static AttributeDefinition Filterable(AttributeDefinition attribute, AttrPath path) =>
        attribute.Returned == Returned.Never ? throw ScimException.InvalidFilter($"'{path}' cannot be filtered on.") : attribute;

    private static void CheckComparison(AttributeDefinition attribute, Compare compare)
    {
        if (compare.Value.Kind == LiteralKind.Null)
        {
            if (compare.Op is not (CompareOp.Eq or CompareOp.Ne)) throw ScimException.InvalidFilter($"Only eq and ne compare with null ('{compare.Path}').");
            return;
        }
        var ordering = compare.Op is CompareOp.Gt or CompareOp.Ge or CompareOp.Lt or CompareOp.Le;
        var substring = compare.Op is CompareOp.Co or CompareOp.Sw or CompareOp.Ew;
        switch (attribute.Type)
        {
            case AttributeType.Boolean when ordering || substring:
                throw ScimException.InvalidFilter($"'{compare.Path}' is a boolean and supports only eq and ne.");
            case AttributeType.Binary when ordering:
                throw ScimException.InvalidFilter($"'{compare.Path}' is binary and cannot be ordered.");
            case AttributeType.Integer or AttributeType.Decimal or AttributeType.DateTime when substring:
                throw ScimException.InvalidFilter($"'{compare.Path}' is not a string: co, sw and ew do not apply.");
        }
        if (!ScimValues.TryParseLiteral(attribute.Type, compare.Value.Text, out _))
            throw ScimException.InvalidFilter($"'{compare.Value.Text}' is not a valid {attribute.Type} value for '{compare.Path}'.");
    }
}
