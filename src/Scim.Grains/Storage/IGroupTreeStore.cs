using Scim.Grains.Interfaces.Groups;

namespace Scim.Grains.Storage;

/// <summary>
/// The tree a tenant's groups form (every group has one parent; the root is the tenant's platform group). The store
/// keeps it a tree: the cycle check and the move are one step, under the tenant's tree lock on PostgreSQL.
/// </summary>
public interface IGroupTreeStore
{
    /// <summary>
    /// Moves a group under another (null: the root), atomically with the check that keeps the tree a tree: 404 for an
    /// unknown group or parent, 409 when the parent is the group or one of its descendants.
    /// </summary>
    Task MoveGroupAsync(string tenant, string groupId, string? parentId, CancellationToken cancellationToken);

    /// <summary>A group's children (null: the root's) after a group id, at most <paramref name="count"/>; null for an unknown group.</summary>
    Task<IReadOnlyList<GroupNode>?> GetChildrenAsync(string tenant, string? parentId, string? after, int count, CancellationToken cancellationToken);

    /// <summary>The groups from just under the root down to the group itself; null for an unknown group.</summary>
    Task<IReadOnlyList<GroupNode>?> GetPathAsync(string tenant, string groupId, CancellationToken cancellationToken);
}
