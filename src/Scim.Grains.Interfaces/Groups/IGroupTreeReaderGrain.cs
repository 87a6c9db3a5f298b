namespace Scim.Grains.Interfaces.Groups;

/// <summary>
/// Reads of a tenant's group tree, keyed by tenant. A null group id stands for the tenant's platform group, the root
/// every group hangs from; moves go through the moved group's grain (<see cref="Resources.IGroupGrain.MoveAsync"/>).
/// </summary>
[Alias("scim.IGroupTreeReaderGrain")]
public interface IGroupTreeReaderGrain : IGrainWithStringKey
{
    /// <summary>A page of a group's children, by id, after <paramref name="after"/>; 404 for an unknown group.</summary>
    Task<GroupPage> GetChildrenAsync(string? groupId, string? after, int count);

    /// <summary>The groups from just under the root down to the group itself; 404 for an unknown group.</summary>
    Task<IReadOnlyList<GroupNode>> GetPathAsync(string groupId);
}
