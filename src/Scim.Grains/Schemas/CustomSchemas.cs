using System.Collections.Concurrent;
using Scim.Grains.Filtering;
using Scim.Grains.Interfaces.Errors;
using Scim.Grains.Interfaces.Resources;
using Scim.Grains.Interfaces.Tenants;

namespace Scim.Grains.Schemas;

/// <summary>
/// A tenant's custom user fields as a SCIM schema extension, <c>urn:ietf:params:scim:schemas:extension:{tenant}:2.0:User</c>,
/// and the User resource type that carries it. Built once per tenant and field list.
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

    private static readonly ConcurrentDictionary<(string Tenant, string Fields), ResourceSchema> Cache = new();

    public static string Urn(string tenant) => $"urn:ietf:params:scim:schemas:extension:{tenant}:2.0:User";

    /// <summary>The resource type of a kind for a tenant: User with the tenant's extension when it defines fields.</summary>
    public static ResourceSchema For(ResourceKind kind, string tenant, IReadOnlyList<CustomField> fields)
    {
        if (kind == ResourceKind.Group || fields.Count == 0) return ResourceSchema.For(kind);
        var key = (tenant, string.Join('\n', fields.Select(f => f.ToString())));
        return Cache.GetOrAdd(key, _ =>
        {
            var extension = Extension(tenant, fields);
            var user = ResourceSchema.User;
            return new ResourceSchema(user.Kind, user.Name, user.Endpoint, user.Description, user.Core, [.. user.Extensions, extension],
                fields.Any(f => f.Required) ? [extension.Id] : []);
        });
    }

    /// <summary>The resource type of a kind for a tenant, with the tenant's current custom fields (read from its tenant grain).</summary>
    public static async Task<ResourceSchema> ForTenantAsync(IGrainFactory grains, string tenant, ResourceKind kind) =>
        kind == ResourceKind.Group ? ResourceSchema.Group : For(kind, tenant, await grains.GetGrain<ITenantGrain>(tenant).GetCustomFieldsAsync());

    /// <summary>The tenant's extension schema, for /Schemas; null when the tenant defines no field.</summary>
    public static SchemaDefinition? ExtensionOf(string tenant, IReadOnlyList<CustomField> fields) =>
        fields.Count == 0 ? null : For(ResourceKind.User, tenant, fields).Extensions[^1];

    /// <summary>Checks a field list: names are attribute names, unique case-insensitively; types are SCIM types.</summary>
    public static void Validate(IReadOnlyList<CustomField> fields)
    {
        if (fields.Count > MaxFields) throw ScimException.InvalidValue($"A tenant has at most {MaxFields} custom fields.");
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var field in fields)
        {
            if (AttrPath.TryParse(field.Name ?? "") is not { Urn: null, SubAttribute: null })
                throw ScimException.InvalidValue($"'{field.Name}' is not an attribute name (a letter, then letters, digits, '-' or '_').");
            if (!seen.Add(field.Name!)) throw ScimException.InvalidValue($"The custom field '{field.Name}' is defined twice.");
            if (field.Type is null || !Types.ContainsKey(field.Type))
                throw ScimException.InvalidValue($"The custom field '{field.Name}' has type '{field.Type}'; expected one of {string.Join(", ", Types.Keys)}.");
        }
    }

    private static SchemaDefinition Extension(string tenant, IReadOnlyList<CustomField> fields) =>
        new(Urn(tenant), "Custom fields", $"The custom user fields of platform '{tenant}'.",
            fields.Select(f => new AttributeDefinition(f.Name, Types[f.Type], f.Description ?? $"The custom field '{f.Name}'.",
                MultiValued: f.MultiValued, Required: f.Required, CaseExact: f.CaseExact,
                CanonicalValues: f.CanonicalValues is { Count: > 0 } values ? values : null,
                ReferenceTypes: Types[f.Type] == AttributeType.Reference ? ["external"] : null)).ToList());
}
