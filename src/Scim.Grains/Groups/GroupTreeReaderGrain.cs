using Orleans.Concurrency;
using Scim.Grains.Interfaces.Groups;
using Scim.Grains.Storage;

namespace Scim.Grains.Groups;

/// <summary>
/// Reads of a tenant's group tree, straight from the store, which changes it only by whole moves: stateless and
/// reentrant, so any silo serves them and reads never queue behind each other.
/// </summary>
[StatelessWorker, Reentrant]
internal sealed class GroupTreeReaderGrain(IGroupTreeStore tree) : Grain, IGroupTreeReaderGrain
{
    private string Tenant => this.GetPrimaryKeyString();

    public async Task<GroupPage> GetChildrenAsync(string? groupId, string? after, int count)
    {
        var fetched = await tree.GetChildrenAsync(Tenant, groupId, after, KeysetPages.Fetch(count), CancellationToken.None)
            ?? throw StoreErrors.GroupNotFound(groupId!);
        var (children, last) = KeysetPages.Cut(fetched, count);
        return new GroupPage(children, last?.Id);
    }

    public async Task<IReadOnlyList<GroupNode>> GetPathAsync(string groupId) =>
        await tree.GetPathAsync(Tenant, groupId, CancellationToken.None) ?? throw StoreErrors.GroupNotFound(groupId);
}
