using Scim.Grains.Documents;
using Scim.Grains.Normalizing;
using Scim.Grains.Schemas;

namespace Scim.Grains.Tests.Storage;

/// <summary>Rows for the store tests: a SCIM body normalized and composed as the grains store it, at a given version and time.</summary>
internal static class StoredRows
{
    public static StoredResource Of(ResourceSchema schema, string tenant, string id, string json, long version = 1,
        DateTimeOffset? created = null, DateTimeOffset? lastModified = null)
    {
        var attributes = ResourceNormalizer.Normalize(JsonBodies.ParseObject(json), schema);
        var at = created ?? DateTimeOffset.UnixEpoch;
        var document = ResourceDocument.Compose(schema, id, attributes, new ResourceMeta(at, lastModified ?? at, version));
        return new StoredResource(tenant, schema.Kind, id, version, document);
    }
}
