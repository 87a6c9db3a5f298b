using Scim.Grains.Filtering;
using Scim.Grains.Interfaces.Resources;
using Scim.Grains.Schemas;

namespace Scim.Grains.Storage.Postgres;

/// <summary>
/// The ORDER BY of a <see cref="SortSpec"/>, with <see cref="SortKeys"/>' semantics: typed keys, lower-cased text for
/// case-insensitive attributes compared bytewise, missing values last ascending and first descending (PostgreSQL's
/// default NULLS placement), ties broken by id.
/// </summary>
internal static class PostgresSort
{
    public static string OrderBy(SortSpec sort, ResourceKind kind, SqlParameters parameters)
    {
        var direction = sort.Descending ? "DESC" : "ASC";
        return $"{Key(sort, kind, parameters)} {direction}, r.id COLLATE \"C\"";
    }

    private static string Key(SortSpec sort, ResourceKind kind, SqlParameters parameters)
    {
        if (ResourceColumn.Of(sort.Attribute, kind) is { } column)
            return column.IsTimestamp ? column.Sql : Text(column.Sql, column.CaseExact);
        var attribute = sort.Attribute.Attribute;
        var container = sort.Attribute.InExtension ? $"(r.document -> {parameters.Add(sort.Attribute.Schema!.Id)})" : "r.document";
        var value = $"({container} -> {parameters.Add(attribute.Name)})";
        if (attribute.MultiValued) value = $"scim_primary_or_first({value})";
        if (sort.KeyIsSubAttribute) value = $"({value} -> {parameters.Add(sort.Key.Name)})";
        return sort.Key.Type switch
        {
            AttributeType.Boolean => $"(CASE WHEN jsonb_typeof({value}) = 'boolean' THEN ({value})::boolean END)",
            AttributeType.Integer or AttributeType.Decimal => $"(CASE WHEN jsonb_typeof({value}) = 'number' THEN ({value})::numeric END)",
            AttributeType.DateTime => $"scim_timestamp(CASE WHEN jsonb_typeof({value}) = 'string' THEN {value} #>> '{{}}' END)",
            _ => Text($"(CASE WHEN jsonb_typeof({value}) = 'string' THEN {value} #>> '{{}}' END)", sort.Key.CaseExact),
        };
    }

    private static string Text(string sql, bool caseExact) => caseExact ? $"{sql} COLLATE \"C\"" : $"lower({sql}) COLLATE \"C\"";
}
