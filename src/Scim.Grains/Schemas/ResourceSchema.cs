using Scim.Grains.Interfaces.Resources;

namespace Scim.Grains.Schemas;

/// <summary>
/// A resource type (RFC 7643 §6) with its core schema and extensions; resolves attribute paths against them.
/// Extension attributes live under their schema URN in a resource document; core and common ones at the top.
/// </summary>
public sealed class ResourceSchema(ResourceKind kind, string name, string endpoint, string description, SchemaDefinition core,
    IReadOnlyList<SchemaDefinition> extensions, IReadOnlyList<string>? requiredExtensions = null)
{
    public static readonly ResourceSchema User = new(ResourceKind.User, "User", "/Users", "User Account", UserSchema.Definition,
        [EnterpriseUserSchema.Definition]);

    public static readonly ResourceSchema Group = new(ResourceKind.Group, "Group", "/Groups", "Group", GroupSchema.Definition, []);

    public static readonly IReadOnlyList<ResourceSchema> All = [User, Group];

    public static ResourceSchema For(ResourceKind kind) => kind == ResourceKind.User ? User : Group;

    /// <summary>True for attributes kept outside the resource document (group membership is stored as rows).</summary>
    public static bool IsStoredApart(AttributeDefinition attribute) => ReferenceEquals(attribute, GroupSchema.Members);

    public ResourceKind Kind => kind;
    public string Name => name;
    public string Endpoint => endpoint;
    public string Description => description;
    public SchemaDefinition Core => core;
    public IReadOnlyList<SchemaDefinition> Extensions => extensions;

    /// <summary>Whether some attribute is returned only when asked for (RFC 7643 §2.4 returned "request").</summary>
    public bool HasRequestOnlyAttributes { get; } =
        new[] { core }.Concat(extensions).SelectMany(s => s.Attributes).Any(a => a.Returned == Returned.Request);

    /// <summary>Extensions every resource of this type must carry (its ResourceType lists them as required).</summary>
    public bool IsRequired(SchemaDefinition extension) => requiredExtensions?.Contains(extension.Id) == true;

    /// <summary>The core schema or an extension of this resource type, by URN (case-insensitive).</summary>
    public SchemaDefinition? FindSchema(string urn)
    {
        if (string.Equals(core.Id, urn, StringComparison.OrdinalIgnoreCase)) return core;
        for (var i = 0; i < extensions.Count; i++)
            if (string.Equals(extensions[i].Id, urn, StringComparison.OrdinalIgnoreCase)) return extensions[i];
        return null;
    }

    public bool IsExtension(SchemaDefinition schema) => !ReferenceEquals(schema, core);

    /// <summary>Resolves a path to its definitions, or null when this resource type has no such attribute.</summary>
    public ResolvedAttribute? Resolve(AttrPath path)
    {
        SchemaDefinition? schema;
        AttributeDefinition? attribute;
        if (path.Urn is not null)
        {
            schema = FindSchema(path.Urn);
            if (schema is null) return null;
            attribute = schema.FindAttribute(path.Name) ?? (IsExtension(schema) ? null : FindCommon(path.Name));
        }
        else
        {
            attribute = FindCommon(path.Name);
            schema = attribute is null ? core : null;
            attribute ??= core.FindAttribute(path.Name);
        }
        if (attribute is null) return null;
        var inExtension = schema is not null && IsExtension(schema);
        if (path.SubAttribute is null) return new ResolvedAttribute(schema, inExtension, attribute, null);
        var sub = attribute.FindSubAttribute(path.SubAttribute);
        return sub is null ? null : new ResolvedAttribute(schema, inExtension, attribute, sub);
    }

    private static AttributeDefinition? FindCommon(string name) => AttributeDefinition.Named(CommonAttributes.All, name);
}
