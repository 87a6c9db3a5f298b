using System.Text.Json.Nodes;
using Scim.Grains.Deviations;
using Scim.Grains.Documents;
using Scim.Grains.Interfaces.Errors;
using Scim.Grains.Interfaces.Groups;
using Scim.Grains.Interfaces.Platform;
using Scim.Grains.Interfaces.References;
using Scim.Grains.Interfaces.Resources;
using Scim.Grains.Rendering;
using Scim.Grains.Resources;
using Scim.Grains.Rules;
using Scim.Grains.Schemas;
using Scim.Grains.Storage;
using Scim.Grains.Telemetry;

namespace Scim.Grains.Users;

/// <summary>
/// A SCIM User, keyed <c>{tenant}/{id}</c>, once it exists (users are created by the tenant's <see cref="UserCreationGrain"/>);
/// an Okta re-POST of a deactivated user (<see cref="OktaRePost"/>) is decided here.
/// The user is also a platform user: its role is set only by the operator API.
/// </summary>
// An IdP touches a resource once per cycle: an activation kept for Orleans' default 15 idle minutes holds memory that
// no one reuses, while activating again costs one store read.
[CollectionAgeLimit(Minutes = 2)]
internal sealed class UserGrain(IResourceStore store, IMembershipStore memberships, TenantSchemas schemas, TimeProvider clock,
    ProvisioningMetrics metrics, GroupsEpochs epochs) : ResourceGrain(store, memberships, schemas, clock, metrics), IUserGrain
{
    /// <summary>
    /// How long groups read under an epoch are held at most: a group write that could not be announced (its silo died
    /// between its commit and the announcement, and it was answered with a failure) shows on reads after this long.
    /// </summary>
    public static readonly TimeSpan GroupsHeldFor = TimeSpan.FromSeconds(10);

    // The groups last read, held for reads while this silo's epoch of the tenant's groups is the one they were read
    // under: reading them is a recursive query on PostgreSQL, and most users' groups change far less often than they are read.
    private HeldGroups? held;

    protected override ResourceKind Kind => ResourceKind.User;

    protected override MembershipChange MembersOf(JsonObject body) => MembershipChange.None;

    /// <summary>
    /// Where groups cost a round trip, the activation's first read brings them with the row: an IdP reads or PATCHes
    /// most users once per cycle, so that first call is most calls, and its answer needs them. They are held for the
    /// calls that follow (an IdP's GET then PUT of one user).
    /// </summary>
    protected override async Task<StoredResource?> LoadAsync()
    {
        if (Memberships.ReadsGroupsInProcess) return await base.LoadAsync();
        var epoch = await epochs.CurrentAsync(Tenant);
        var (row, groups) = await Store.GetUserWithGroupsAsync(Tenant, Id, CancellationToken.None);
        HoldGroups(epoch, groups);
        return row;
    }

    protected override async Task<IReadOnlyList<UserGroup>?> HeldGroupsAsync(Projection projection)
    {
        if (!projection.Includes(UserSchema.Groups) || Memberships.ReadsGroupsInProcess) return null;
        var epoch = await epochs.CurrentAsync(Tenant);
        if (GroupsHeldUnder(epoch) is { } kept) return kept;
        var groups = (await Memberships.GetGroupsOfUsersAsync(Tenant, [Id], CancellationToken.None)).GetValueOrDefault(Id) ?? [];
        HoldGroups(epoch, groups);
        return groups;
    }

    /// <summary>A write whose answer shows the user's groups, when none are held, reads them in the write's round trip.</summary>
    protected override async Task StoreUpdateAsync(StoredResource next, long expectedVersion, MembershipChange members, RenderOptions? answer)
    {
        if (answer is null || Memberships.ReadsGroupsInProcess || !members.IsEmpty || !Projection.Parse(answer, Schema).Includes(UserSchema.Groups))
        {
            await base.StoreUpdateAsync(next, expectedVersion, members, answer);
            return;
        }
        var epoch = await epochs.CurrentAsync(Tenant);
        if (GroupsHeldUnder(epoch) is not null) await base.StoreUpdateAsync(next, expectedVersion, members, answer);
        else HoldGroups(epoch, await Store.UpdateUserWithGroupsAsync(next, expectedVersion, CancellationToken.None));
    }

    /// <summary>The groups held under <paramref name="epoch"/>, if they are not too old.</summary>
    private IReadOnlyList<UserGroup>? GroupsHeldUnder(long epoch) => held is { } kept && kept.Epoch == epoch && kept.Until > Clock.GetUtcNow() ? kept.Groups : null;

    /// <summary>
    /// Holds groups read under <paramref name="epoch"/>, read before them: a change that commits in between begins a
    /// later epoch, so what was read is never held past it.
    /// </summary>
    private void HoldGroups(long epoch, IReadOnlyList<UserGroup> groups) => held = new HeldGroups(epoch, Clock.GetUtcNow() + GroupsHeldFor, groups);

    public async Task<PlatformUser> GetPlatformUserAsync() => PlatformUsers.Of(await RequireExistingAsync());

    public async Task<PlatformUser> SetRoleAsync(PlatformRole role)
    {
        var user = await RequireExistingAsync();
        if (!await Store.SetRoleAsync(Tenant, Id, role, CancellationToken.None)) throw ScimException.NotFound($"User '{Id}' not found.");
        var changed = user with { Role = role };
        Hold(changed);
        return PlatformUsers.Of(changed);
    }

    public async Task SetPasswordAsync(string password)
    {
        var user = await RequireExistingAsync();
        var attributes = ResourceDocument.Attributes(user.Document);
        attributes[PasswordHashes.Attribute] = password;
        PasswordHashes.HashNew(attributes, user.Document);
        await WriteAsync(user, attributes, MembershipChange.None, null);
    }

    public async Task<ResourceSnapshot> ReprovisionAsync(string json, string externalId, RenderOptions render)
    {
        // The query that found this user may be stale: another re-POST may have reactivated it since.
        var user = await RequireExistingAsync();
        if (!OktaRePost.Fits(user.Document, externalId)) throw UniqueNames.Taken(user);
        return await ReplaceAsync(json, null, render);
    }

    private sealed record HeldGroups(long Epoch, DateTimeOffset Until, IReadOnlyList<UserGroup> Groups);
}
