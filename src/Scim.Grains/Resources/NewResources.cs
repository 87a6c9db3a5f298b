using System.Text.Json.Nodes;
using Scim.Grains.Documents;
using Scim.Grains.Interfaces.Platform;
using Scim.Grains.Normalizing;
using Scim.Grains.Schemas;

namespace Scim.Grains.Resources;

/// <summary>The row a POST body creates, whoever writes it: a user's creation worker or a group's grain.</summary>
internal static class NewResources
{
    /// <summary>
    /// The body normalized against the tenant's schema, a password hashed, checked against the limits, composed at
    /// version 1; the row and its normalized attributes.
    /// </summary>
    public static (StoredResource Row, JsonObject Attributes) Compose(ResourceSchema schema, string tenant, string id, JsonObject body, PlatformRole role,
        DateTimeOffset now)
    {
        var attributes = ResourceNormalizer.Normalize(body, schema);
        PasswordHashes.HashNew(attributes, null);
        ResourceLimits.Check(attributes, schema);
        var document = ResourceDocument.Compose(schema, id, attributes, new ResourceMeta(now, now, 1));
        return (new StoredResource(tenant, schema.Kind, id, 1, document) { Role = role }, attributes);
    }
}
