using System.Text.Json.Nodes;
using Scim.Grains.Documents;
using Scim.Grains.Interfaces.Resources;

namespace Scim.Grains.Storage;

/// <summary>The per-tenant unique key of a resource: lower(userName) for users, lower(displayName) for groups.</summary>
public static class UniqueKeys
{
    public static string Attribute(ResourceKind kind) => kind == ResourceKind.User ? "userName" : "displayName";

    public static string? Of(ResourceKind kind, JsonObject document) =>
        ResourceDocument.GetString(document, Attribute(kind))?.ToLowerInvariant();

}
