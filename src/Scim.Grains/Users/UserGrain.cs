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
/// A SCIM User, keyed <c>{tenant}/{id}</c>. A POST that duplicates a deactivated user may be Okta re-provisioning it
/// (<see cref="OktaRePost"/>); this grain runs that rule. The user is also a platform user: its role is set only by the
/// operator API.
/// </summary>
// An IdP touches a resource once per cycle: an activation kept for Orleans' default 15 idle minutes holds memory that
// no one reuses, while activating again costs one store read.
[CollectionAgeLimit(Minutes = 2)]
internal sealed class UserGrain(IResourceStore store, IMembershipStore memberships, TenantSchemas schemas, TenantSettings settings, TimeProvider clock,
    ProvisioningMetrics metrics) : ResourceGrain(store, memberships, schemas, clock, metrics), IUserGrain
{
    /// <summary>
    /// How long groups read under an epoch are held at most: a group write whose epoch could not be advanced (its silo
    /// died between its commit and the advance, and it was answered with a failure) shows on reads after this long.
    /// </summary>
    public static readonly TimeSpan GroupsHeldFor = TimeSpan.FromSeconds(10);

    // The groups last read, held for reads while the tenant's groups epoch is the one they were read under: reading
    // them is a recursive query on PostgreSQL, and most users' groups change far less often than they are read.
    private HeldGroups? held;

    protected override ResourceKind Kind => ResourceKind.User;

    protected override MembershipChange MembersOf(JsonObject body) => MembershipChange.None;

    // An IdP provisioning a tenant creates thousands of users and touches each again only at a later cycle (group
    // memberships are written through the groups): an activation kept for the collection age would only hold memory.
    protected override bool KeptAfterCreate => false;

    protected override async Task<IReadOnlyList<UserGroup>?> HeldGroupsAsync(Projection projection)
    {
        if (!projection.Includes(UserSchema.Groups) || Memberships.ReadsGroupsInProcess) return null;
        // The epoch is read before the groups: a change that commits in between begins a later epoch, so what is read
        // here is never held past it.
        var epoch = await GrainFactory.Grain<IGroupsEpochGrain>(Tenant).CurrentAsync();
        var now = Clock.GetUtcNow();
        if (held is { } kept && kept.Epoch == epoch && kept.Until > now) return kept.Groups;
        var groups = (await Memberships.GetGroupsOfUsersAsync(Tenant, [Id], CancellationToken.None)).GetValueOrDefault(Id) ?? [];
        held = new HeldGroups(epoch, now + GroupsHeldFor, groups);
        return groups;
    }

    public async Task<PlatformUser> CreatePlatformUserAsync(string json, PlatformRole role) =>
        Describe(await CreateWithRoleAsync(json, role, created => Mail(created, MailKind.Invitation)));

    public async Task<PlatformUser> CreateImportedUserAsync(string json, bool invite) =>
        Describe(await CreateWithRoleAsync(json, PlatformRole.User, created => invite ? Mail(created, MailKind.Invitation) : null));

    /// <summary>
    /// A user the IdP creates gets a temporary password by e-mail when the tenant asks for it, unless the IdP set a
    /// password (that one stands) or the user has no e-mail address to send to.
    /// </summary>
    protected override async ValueTask<(OutboxMessage? Mail, string? Note)> MailOnCreateAsync(StoredResource created)
    {
        if (!(await settings.ForAsync(Tenant)).SendTemporaryPasswordEmail) return (null, null);
        if (PasswordHashes.Of(created.Document) is not null) return (null, MailNotes.PasswordFromIdentityProvider);
        return Mail(created, MailKind.TemporaryPassword) is { } mail ? (mail, MailNotes.Queued) : (null, MailNotes.NoAddress);
    }

    private OutboxMessage? Mail(StoredResource created, MailKind kind) =>
        ResourceDocument.PrimaryEmail(created.Document) is null ? null : OutboxMessage.New(Tenant, created.Id, kind, Clock.GetUtcNow());

    public async Task<PlatformUser> GetPlatformUserAsync() => Describe(await RequireExistingAsync());

    public async Task<PlatformUser> SetRoleAsync(PlatformRole role)
    {
        var user = await RequireExistingAsync();
        if (!await Store.SetRoleAsync(Tenant, Id, role, CancellationToken.None)) throw ScimException.NotFound($"User '{Id}' not found.");
        var changed = user with { Role = role };
        Hold(changed);
        return Describe(changed);
    }

    public async Task SetPasswordAsync(string password)
    {
        var user = await RequireExistingAsync();
        var attributes = ResourceDocument.Attributes(user.Document);
        attributes[PasswordHashes.Attribute] = password;
        PasswordHashes.HashNew(attributes, user.Document);
        await WriteAsync(user, attributes, MembershipChange.None);
    }

    private static PlatformUser Describe(StoredResource user)
    {
        var emails = user.Document["emails"] is JsonArray values
            ? values.Select(e => e?["value"]?.GetValue<string>()).OfType<string>().ToList()
            : [];
        return new PlatformUser(user.Id, ResourceDocument.GetString(user.Document, UniqueNames.Attribute(ResourceKind.User))!, emails, user.Role);
    }

    protected override async Task<ResourceSnapshot?> ReplaceDuplicateAsync(JsonObject attributes, string json, RenderOptions render)
    {
        if (OktaRePost.Of(attributes) is not { } rePost) return null;
        var found = await Store.QueryAsync(Tenant, new StoreQuery(Schema, rePost.Match, null, 1, 1), CancellationToken.None);
        return found.Resources is [var existing, ..]
            ? await GrainFactory.Grain<IUserGrain>(ResourceKeys.Of(Tenant, existing.Id)).ReprovisionAsync(json, rePost.ExternalId, render)
            : null;
    }

    public async Task<ResourceSnapshot> ReprovisionAsync(string json, string externalId, RenderOptions render)
    {
        // The query that found this user may be stale: another re-POST may have reactivated it since.
        var user = await RequireExistingAsync();
        if (!OktaRePost.Fits(user.Document, externalId)) throw UniqueNames.Taken(user);
        return await ReplaceAsync(json, null, render);
    }

    private sealed record HeldGroups(Guid Epoch, DateTimeOffset Until, IReadOnlyList<UserGroup> Groups);
}
