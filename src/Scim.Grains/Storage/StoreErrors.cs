using Scim.Grains.Documents;
using Scim.Grains.Interfaces.Errors;
using Scim.Grains.Interfaces.Resources;

namespace Scim.Grains.Storage;

/// <summary>The errors every store raises the same way, whatever decided them (a lock in memory, an index or a row count in SQL).</summary>
public static class StoreErrors
{
    /// <summary>409 uniqueness: another resource of the tenant already has this resource's unique name.</summary>
    public static ScimException InUse(StoredResource resource) =>
        ScimException.Uniqueness($"{UniqueKeys.Attribute(resource.Kind)} '{ResourceDocument.GetString(resource.Document, UniqueKeys.Attribute(resource.Kind))}' is already in use.");

    /// <summary>409 uniqueness: the id is taken.</summary>
    public static ScimException IdTaken(ResourceKind kind, string id) => ScimException.Uniqueness($"A {kind} with id '{id}' already exists.");

    /// <summary>409: the row is not at the version the writer read (another writer, or a deletion, came first).</summary>
    public static ScimException ConcurrentChange(ResourceKind kind, string id) =>
        ScimException.Conflict($"The {kind} '{id}' was changed or deleted concurrently; read it again and retry.");

    /// <summary>400 invalidValue: a group cannot be a member of a group over SCIM.</summary>
    public static ScimException GroupAsMember(string id) =>
        ScimException.InvalidValue($"'{id}' is a group. Groups cannot be members of groups over SCIM: nesting is managed in the platform.");

    /// <summary>404: no such group (a group moved, a new parent, a group whose tree is read).</summary>
    public static ScimException GroupNotFound(string id) => ScimException.NotFound($"Group '{id}' not found.");

    /// <summary>409: a group cannot move under itself or one of its descendants.</summary>
    public static ScimException Cycle(string id, string parentId) =>
        ScimException.Conflict($"Group '{id}' cannot move under '{parentId}': that is the group itself or one of its descendants.");
}
