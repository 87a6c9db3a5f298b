using System.Text.Json.Nodes;
using Orleans.Concurrency;
using Scim.Grains.Deviations;
using Scim.Grains.Documents;
using Scim.Grains.Interfaces.Errors;
using Scim.Grains.Interfaces.Import;
using Scim.Grains.Interfaces.Platform;
using Scim.Grains.Interfaces.References;
using Scim.Grains.Interfaces.Resources;
using Scim.Grains.Rendering;
using Scim.Grains.Resources;
using Scim.Grains.Schemas;
using Scim.Grains.Storage;
using Scim.Grains.Telemetry;

namespace Scim.Grains.Users;

/// <summary>
/// Creates a tenant's users, keyed by tenant, without activating each new user's grain (see <see cref="IUserCreationGrain"/>). A POST that duplicates a deactivated user may be Okta re-provisioning it
/// (<see cref="OktaRePost"/>); that user's grain decides it.
/// </summary>
[StatelessWorker, Reentrant]
internal sealed class UserCreationGrain(IResourceStore store, IMembershipStore memberships, TenantSchemas schemas, TenantSettings settings,
    TimeProvider clock, ProvisioningMetrics metrics) : Grain, IUserCreationGrain
{
    private string Tenant => this.GetPrimaryKeyString();

    public async Task<ResourceSnapshot> CreateAsync(string id, string json, RenderOptions render)
    {
        var schema = await schemas.ForAsync(Tenant, ResourceKind.User);
        var (created, attributes) = NewResources.Compose(schema, Tenant, id, JsonBodies.ParseObject(json), PlatformRole.User, clock.GetUtcNow());
        var (mail, note) = await TemporaryPasswordAsync(created);
        try
        {
            await InsertAsync(created, mail);
        }
        catch (ScimException e) when (e.ScimType == ScimType.Uniqueness)
        {
            // Only a POST that collides is looked at twice: it may be a client re-sending a user it created before.
            if (await RePostedAsync(schema, attributes, json, render) is not { } replaced) throw;
            return replaced;
        }
        return await ResourceRendering.SnapshotAsync(memberships, created, schema, render, Projection.Parse(render, schema), withoutGroups: true) with
        {
            Note = note,
        };
    }

    public async Task<PlatformUser> CreatePlatformUserAsync(string json, PlatformRole role) =>
        PlatformUsers.Of(await CreateForPlatformAsync(json, role, invite: true));

    /// <summary>The batch's users all under way at once: the store commits users created together in one statement.</summary>
    public async Task<IReadOnlyList<ImportedUser>> CreateImportedUsersAsync(IReadOnlyList<string> bodies, bool invite) =>
        await Task.WhenAll(bodies.Select(async json =>
        {
            try
            {
                return new ImportedUser((await CreateForPlatformAsync(json, PlatformRole.User, invite)).Id, null);
            }
            catch (ScimException e) when (e.Status < 500)
            {
                return new ImportedUser(null, e.Message);
            }
        }));

    /// <summary>A user the platform creates, under a new id, invited by e-mail when asked and it has an address; a duplicate is a 409.</summary>
    private async Task<StoredResource> CreateForPlatformAsync(string json, PlatformRole role, bool invite)
    {
        var schema = await schemas.ForAsync(Tenant, ResourceKind.User);
        var (row, _) = NewResources.Compose(schema, Tenant, RandomIds.NewGuid().ToString(), JsonBodies.ParseObject(json), role, clock.GetUtcNow());
        var created = row with { CreatedByPlatform = true };
        await InsertAsync(created, invite ? Mail(created, MailKind.Invitation) : null);
        return created;
    }

    /// <summary>Writes a new user's row with the e-mail it owes, and counts it.</summary>
    private async Task InsertAsync(StoredResource created, OutboxMessage? mail)
    {
        await store.InsertAsync(created, MembershipChange.None, mail, CancellationToken.None);
        metrics.ResourceChanged(ResourceKind.User, "created");
    }

    /// <summary>
    /// A user the IdP creates gets a temporary password by e-mail when the tenant asks for it, unless the IdP set a
    /// password (that one stands) or the user has no e-mail address to send to; the note the provisioning log keeps.
    /// </summary>
    private async ValueTask<(OutboxMessage? Mail, string? Note)> TemporaryPasswordAsync(StoredResource created)
    {
        if (!(await settings.ForAsync(Tenant)).SendTemporaryPasswordEmail) return (null, null);
        if (PasswordHashes.Of(created.Document) is not null) return (null, MailNotes.PasswordFromIdentityProvider);
        return Mail(created, MailKind.TemporaryPassword) is { } mail ? (mail, MailNotes.Queued) : (null, MailNotes.NoAddress);
    }

    /// <summary>A message of <paramref name="kind"/> to the new user's primary address; null when the user has none.</summary>
    private OutboxMessage? Mail(StoredResource user, MailKind kind) =>
        ResourceDocument.PrimaryEmail(user.Document) is null ? null : OutboxMessage.New(Tenant, user.Id, kind, clock.GetUtcNow());

    /// <summary>The deactivated user an Okta re-POST replaces, as the answer to the POST; null for the 409.</summary>
    private async Task<ResourceSnapshot?> RePostedAsync(ResourceSchema schema, JsonObject attributes, string json, RenderOptions render)
    {
        if (OktaRePost.Of(attributes) is not { } rePost) return null;
        var found = await store.QueryAsync(Tenant, new StoreQuery(schema, rePost.Match, null, 1, 1), CancellationToken.None);
        return found.Resources is [var existing, ..]
            ? await GrainFactory.Grain<IUserGrain>(ResourceKeys.Of(Tenant, existing.Id)).ReprovisionAsync(json, rePost.ExternalId, render)
            : null;
    }
}
