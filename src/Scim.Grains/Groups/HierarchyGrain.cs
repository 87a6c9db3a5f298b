using Orleans.Concurrency;
using Scim.Grains.Interfaces.Errors;
using Scim.Grains.Interfaces.Groups;
using Scim.Grains.Storage;

namespace Scim.Grains.Groups;

/// <summary>
/// Reads of a tenant's group tree, straight from the store, which changes it only by whole moves: stateless and
/// reentrant, so any silo serves them and reads never queue behind each other.
/// </summary>
[StatelessWorker, Reentrant]
internal sealed class HierarchyGrain(IResourceStore store) : Grain, IHierarchyGrain
{
    private string Tenant => this.GetPrimaryKeyString();

    public async Task<GroupPage> GetChildrenAsync(string? groupId, string? after, int count)
    {
        var page = await store.GetChildrenAsync(Tenant, groupId, after, count + 1, CancellationToken.None) ?? throw NotFound(groupId!);
        return new GroupPage(page.Take(count).ToList(), page.Count > count ? page[count - 1].Id : null);
    }

    public async Task<IReadOnlyList<GroupNode>> GetPathAsync(string groupId) =>
        await store.GetPathAsync(Tenant, groupId, CancellationToken.None) ?? throw NotFound(groupId);

    private static ScimException NotFound(string groupId) => ScimException.NotFound($"Group '{groupId}' not found.");
}
