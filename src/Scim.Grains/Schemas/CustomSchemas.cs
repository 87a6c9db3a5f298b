using Scim.Grains.Interfaces.Errors;
using Scim.Grains.Interfaces.Tenants;

namespace Scim.Grains.Schemas;

/// <summary>
/// A tenant's custom user fields as a SCIM schema extension, <c>urn:ietf:params:scim:schemas:extension:{tenant}:2.0:User</c>,
/// and the User resource type that carries it (<see cref="TenantSchemas"/> keeps them per tenant).
/// </summary>
public static class CustomSchemas
{
    public const int MaxFields = 100;

    private static readonly Dictionary<string, AttributeType> Types = new(StringComparer.OrdinalIgnoreCase)
    {
        ["string"] = AttributeType.String,
        ["boolean"] = AttributeType.Boolean,
        ["integer"] = AttributeType.Integer,
        ["decimal"] = AttributeType.Decimal,
        ["dateTime"] = AttributeType.DateTime,
        ["reference"] = AttributeType.Reference,
    };

    /// <summary>The User resource type of a tenant: with the tenant's extension when it defines fields.</summary>
    public static ResourceSchema User(string tenant, IReadOnlyList<CustomField> fields)
    {
        if (fields.Count == 0) return ResourceSchema.User;
        var extension = Extension(tenant, fields);
        var user = ResourceSchema.User;
        return new ResourceSchema(user.Kind, user.Name, user.Endpoint, user.Description, user.Core, [.. user.Extensions, extension],
            fields.Any(f => f.Required) ? [extension.Id] : []);
    }

    /// <summary>Checks a field list: names are attribute names, unique case-insensitively; types are SCIM types.</summary>
    public static void Validate(IReadOnlyList<CustomField> fields)
    {
        if (fields.Count > MaxFields) throw ScimException.InvalidValue($"A tenant has at most {MaxFields} custom fields.");
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var field in fields)
        {
            if (field is null) throw ScimException.InvalidValue("Each custom field must be an object with a name and a type.");
            if (field.CanonicalValues?.Any(v => v is null) == true)
                throw ScimException.InvalidValue($"The custom field '{field.Name}' lists a null canonical value.");
            if (AttrPath.TryParse(field.Name ?? "") is not { Urn: null, SubAttribute: null })
                throw ScimException.InvalidValue($"'{field.Name}' is not an attribute name (a letter, then letters, digits, '-' or '_').");
            if (!seen.Add(field.Name!)) throw ScimException.InvalidValue($"The custom field '{field.Name}' is defined twice.");
            if (field.Type is null || !Types.ContainsKey(field.Type))
                throw ScimException.InvalidValue($"The custom field '{field.Name}' has type '{field.Type}'; expected one of {string.Join(", ", Types.Keys)}.");
        }
    }

    private static SchemaDefinition Extension(string tenant, IReadOnlyList<CustomField> fields) =>
        new(CustomField.SchemaUrn(tenant), "Custom fields", $"The custom user fields of platform '{tenant}'.",
            fields.Select(f => new AttributeDefinition(f.Name, Types[f.Type], f.Description ?? $"The custom field '{f.Name}'.",
                MultiValued: f.MultiValued, Required: f.Required, CaseExact: f.CaseExact,
                CanonicalValues: f.CanonicalValues is { Count: > 0 } values ? values : null,
                ReferenceTypes: Types[f.Type] == AttributeType.Reference ? ["external"] : null)).ToList());
}
