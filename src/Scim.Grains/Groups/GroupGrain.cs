using System.Text.Json.Nodes;
using Orleans.Concurrency;
using Orleans.Serialization.Invocation;
using Scim.Grains.Documents;
using Scim.Grains.Interfaces.Errors;
using Scim.Grains.Interfaces.Groups;
using Scim.Grains.Interfaces.References;
using Scim.Grains.Interfaces.Resources;
using Scim.Grains.Normalizing;
using Scim.Grains.Resources;
using Scim.Grains.Schemas;
using Scim.Grains.Storage;
using Scim.Grains.Telemetry;

namespace Scim.Grains.Groups;

/// <summary>
/// A SCIM Group, keyed <c>{tenant}/{id}</c>. Its members are rows beside the group row, each with its source: SCIM
/// writes (a POST or PUT sets them all, a PATCH changes those it names) touch the SCIM-managed ones only, the admin API
/// the manual ones. Its place in the tenant's tree changes only by <see cref="MoveAsync"/>. Grain calls are not
/// reentrant, so changes to one group run one after the other and none is lost; the store keeps the tree a tree
/// across groups (its check and the move are one transaction).
/// <para>
/// IdPs push membership changes to one group from many connections at once (Entra: one member per PATCH). Such PATCHes
/// (those answered without a body) may enter while an earlier one waits for its commit; they queue, and the queue is
/// written in one commit (<see cref="ResourceGrain.PatchTogetherAsync"/>), so a busy group costs one round trip per
/// batch instead of one per request. Every other call runs alone: it waits for a commit in progress, and no commit
/// starts while it runs.
/// </para>
/// </summary>
// An IdP touches a resource once per cycle: an activation kept for Orleans' default 15 idle minutes holds memory that
// no one reuses, while activating again costs one store read.
[CollectionAgeLimit(Minutes = 2)]
[MayInterleave(nameof(IsQueuedPatch))]
internal sealed class GroupGrain(IResourceStore store, IMembershipStore memberships, IGroupTreeStore tree, TenantSchemas schemas, TimeProvider clock,
    ProvisioningMetrics metrics) : ResourceGrain(store, memberships, schemas, clock, metrics), IGroupGrain, IIncomingGrainCallFilter
{
    private readonly SemaphoreSlim alone = new(1, 1);
    private readonly List<QueuedPatch> queue = [];
    private bool committing;

    protected override ResourceKind Kind => ResourceKind.Group;

    public Task<ResourceSnapshot> CreateAsync(string json, RenderOptions render) => CreateFromScimAsync(json, render);

    /// <summary>A PATCH whose caller needs no body: it joins the queue of the next commit.</summary>
    public static bool IsQueuedPatch(IInvokable request) =>
        request.GetMethodName() == nameof(IResourceGrain.PatchWithoutBodyAsync);

    public async Task Invoke(IIncomingGrainCallContext context)
    {
        if (IsQueuedPatch(context.Request))
        {
            await context.Invoke();
            return;
        }
        await alone.WaitAsync();
        try
        {
            await context.Invoke();
        }
        finally
        {
            alone.Release();
        }
    }

    public override Task<ResourceVersion> PatchWithoutBodyAsync(PatchRequest patch, string? ifMatch)
    {
        var queued = new QueuedPatch(patch, ifMatch);
        queue.Add(queued);
        if (!committing) _ = CommitQueueAsync();
        return queued.Outcome;
    }

    /// <summary>Commits what has queued, batch after batch, until the queue is empty.</summary>
    private async Task CommitQueueAsync()
    {
        committing = true;
        try
        {
            while (queue.Count > 0)
            {
                await alone.WaitAsync();
                var batch = queue.ToList();
                queue.Clear();
                try
                {
                    await PatchTogetherAsync(batch);
                }
                catch (Exception e)
                {
                    // Never a caller left waiting: whatever went wrong is each one's answer.
                    foreach (var patch in batch) patch.Fail(e);
                }
                finally
                {
                    alone.Release();
                }
            }
        }
        finally
        {
            committing = false;
        }
    }

    /// <summary>Every write of a group can change users' groups (its members, its name, its place in the tree).</summary>
    protected override Task WrittenAsync() =>
        Memberships.ReadsGroupsInProcess ? Task.CompletedTask : GrainFactory.Grain<IGroupsEpochGrain>(Tenant).AdvanceAsync();

    protected override MembershipChange MembersOf(JsonObject body)
    {
        var members = body.FirstOrDefault(p => p.Key.Equals(GroupSchema.Members.Name, StringComparison.OrdinalIgnoreCase)).Value;
        return new MembershipChange(true, MemberValues.Parse(members), []);
    }

    public async Task<MemberChunk> RenderMembersAsync(string after, RenderOptions render)
    {
        // A group deleted meanwhile has no member rows left: the chunk is empty, so a response being written just ends.
        await LoadSchemaAsync();
        return await ResourceRendering.RenderMembersAsync(Memberships, Tenant, Id, after, Schema, render);
    }

    public async Task AddManualMemberAsync(string userId)
    {
        await RequireExistingAsync();
        if (!await StoreWriteAsync(() => Memberships.AddManualMemberAsync(Tenant, Id, userId, CancellationToken.None))) throw ScimException.NotFound($"User '{userId}' not found.");
        Metrics.MembershipsChanged(MembershipSource.Manual, "added", 1);
    }

    public async Task RemoveManualMemberAsync(string userId)
    {
        await RequireExistingAsync();
        if (!await StoreWriteAsync(() => Memberships.RemoveManualMemberAsync(Tenant, Id, userId, CancellationToken.None)))
            throw ScimException.NotFound($"User '{userId}' is not a manual member of group '{Id}'.");
        Metrics.MembershipsChanged(MembershipSource.Manual, "removed", 1);
    }

    public async Task<MemberListing> ListMembersAsync(string? after, int count)
    {
        await RequireExistingAsync();
        var (members, last) = KeysetPages.Cut(await Memberships.ListMembersAsync(Tenant, Id, after, KeysetPages.Fetch(count), CancellationToken.None), count);
        return new MemberListing(members, last?.UserId);
    }

    public async Task MoveAsync(string? parentId)
    {
        await RequireExistingAsync();
        await StoreWriteAsync(() => tree.MoveGroupAsync(Tenant, Id, parentId, CancellationToken.None));
    }
}
