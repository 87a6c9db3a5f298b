using System.Globalization;
using System.Text.Json.Nodes;
using Scim.Grains.Documents;

namespace Scim.Grains.Storage.Postgres;

/// <summary>The values of a resource that get their own columns beside the document, for indexes and ordering.</summary>
internal sealed record IndexedColumns(string? UserName, string? ExternalId, string? DisplayName, bool? Active,
    DateTimeOffset Created, DateTimeOffset LastModified)
{
    public static IndexedColumns Of(StoredResource resource)
    {
        var document = resource.Document;
        var meta = document["meta"]!.AsObject();
        return new IndexedColumns(
            resource.Kind == Interfaces.Resources.ResourceKind.User ? ResourceDocument.GetString(document, "userName") : null,
            ResourceDocument.GetString(document, "externalId"),
            ResourceDocument.GetString(document, "displayName"),
            document["active"] is JsonValue active && active.TryGetValue<bool>(out var flag) ? flag : null,
            Timestamp(meta, "created"),
            Timestamp(meta, "lastModified"));
    }

    private static DateTimeOffset Timestamp(JsonObject meta, string name) =>
        DateTimeOffset.Parse(meta[name]!.GetValue<string>(), CultureInfo.InvariantCulture).ToUniversalTime();
}
