using Scim.Grains.Interfaces.Errors;
using Scim.Grains.Interfaces.Resources;

namespace Scim.Grains.Storage;

/// <summary>
/// The errors every store raises the same way, whatever decided them (a lock in memory, a row count in SQL). The errors
/// of SCIM rules are the rules' own (<see cref="Rules"/>).
/// </summary>
public static class StoreErrors
{
    /// <summary>409 uniqueness: the id is taken.</summary>
    public static ScimException IdTaken(ResourceKind kind, string id) => ScimException.Uniqueness($"A {kind} with id '{id}' already exists.");

    /// <summary>409: the row is not at the version the writer read (another writer, or a deletion, came first).</summary>
    public static ScimException ConcurrentChange(ResourceKind kind, string id) =>
        ScimException.Conflict($"The {kind} '{id}' was changed or deleted concurrently; read it again and retry.");

    /// <summary>404: no such group (a group moved, a new parent, a group whose tree is read).</summary>
    public static ScimException GroupNotFound(string id) => ScimException.NotFound($"Group '{id}' not found.");
}
