using Scim.Grains.Interfaces.Groups;
using System.Globalization;
using System.Text.Json.Nodes;
using Scim.Grains.Documents;
using Scim.Grains.Interfaces.Errors;
using Scim.Grains.Interfaces.Platform;
using Scim.Grains.Interfaces.Resources;
using Scim.Grains.Normalizing;
using Scim.Grains.Patching;
using Scim.Grains.Rendering;
using Scim.Grains.Schemas;
using Scim.Grains.Storage;
using Scim.Grains.Telemetry;

namespace Scim.Grains.Resources;

/// <summary>
/// What users and groups share: the activation holds the stored row and is its only writer; each mutation is
/// validated by the pure SCIM classes, then written as one store call whose version check guards against a
/// duplicate activation. The store, not the grain, is the final guard of uniqueness.
/// </summary>
internal abstract class ResourceGrain(IResourceStore store, IMembershipStore memberships, TenantSchemas schemas, TimeProvider clock, ProvisioningMetrics metrics)
    : Grain, IResourceGrain
{
    // The row between calls, packed: an IdP touches most users once per cycle, so a provisioning run holds many idle
    // activations until they are collected, and a document tree would cost each several kilobytes.
    private PackedResource? current;
    private bool loaded;

    protected abstract ResourceKind Kind { get; }

    /// <summary>The resource type with the tenant's current custom fields, read at the start of every call.</summary>
    protected ResourceSchema Schema { get; private set; } = null!;
    protected IResourceStore Store => store;
    protected IMembershipStore Memberships => memberships;
    protected TimeProvider Clock => clock;
    protected ProvisioningMetrics Metrics => metrics;
    protected string Tenant { get; private set; } = "";
    protected string Id { get; private set; } = "";

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        (Tenant, Id) = ResourceKeys.Split(this.GetPrimaryKeyString());
        return Task.CompletedTask;
    }

    /// <summary>
    /// Creates the resource from a SCIM POST body and renders it (a resource just created is in no group yet); a
    /// duplicate is a 409 uniqueness.
    /// </summary>
    protected async Task<ResourceSnapshot> CreateFromScimAsync(string json, RenderOptions render)
    {
        await LoadSchemaAsync();
        // A create is the first call of a fresh id: no read first, the store's primary key rejects an existing id.
        if (loaded && current is not null) throw ScimException.Uniqueness($"A {Schema.Name} with id '{Id}' already exists.");
        var body = JsonBodies.ParseObject(json);
        var (created, _) = NewResources.Compose(Schema, Tenant, Id, body, PlatformRole.User, clock.GetUtcNow());
        var members = MembersOf(body);
        await StoreWriteAsync(() => store.InsertAsync(created, members, null, CancellationToken.None));
        Count("created", members);
        (current, loaded) = (PackedResource.Of(created), true);
        return await SnapshotAsync(created, render, created: true);
    }

    public async Task<ResourceSnapshot> GetAsync(RenderOptions render, string? ifNoneMatch)
    {
        Schema = await schemas.ForAsync(Tenant, Kind);
        var existing = await RequireAsync(null);
        return ifNoneMatch is not null && EntityTags.AnyMatches(ifNoneMatch, existing.Version)
            ? new ResourceSnapshot(Id, existing.Version, EntityTags.Of(existing.Version), "", "", NotModified: true)
            : await SnapshotAsync(existing, render);
    }

    public async Task<ResourceSnapshot> ReplaceAsync(string json, string? ifMatch, RenderOptions render)
    {
        Schema = await schemas.ForAsync(Tenant, Kind);
        var existing = await RequireAsync(ifMatch);
        var body = JsonBodies.ParseObject(json);
        var attributes = ResourceNormalizer.Normalize(body, Schema);
        CheckImmutable(existing.Document, attributes);
        KeepWriteOnly(existing.Document, attributes);
        PasswordHashes.HashNew(attributes, existing.Document);
        var members = MembersOf(body);
        var written = await WriteAsync(existing, attributes, members, render);
        Count("replaced", members);
        return await SnapshotAsync(written, render);
    }

    public async Task<ResourceSnapshot> PatchAsync(PatchRequest patch, string? ifMatch, RenderOptions render) =>
        await SnapshotAsync(await PatchAloneAsync(patch, ifMatch, render), render);

    public virtual async Task<ResourceVersion> PatchWithoutBodyAsync(PatchRequest patch, string? ifMatch) =>
        VersionOf((await PatchAloneAsync(patch, ifMatch, null)).Version);

    /// <summary>
    /// Applies one PATCH on its own; the row it leaves (unchanged when the PATCH changes nothing). <paramref name="answer"/>:
    /// how the answer renders the row, null when it carries no body.
    /// </summary>
    private async Task<StoredResource> PatchAloneAsync(PatchRequest patch, string? ifMatch, RenderOptions? answer)
    {
        Schema = await schemas.ForAsync(Tenant, Kind);
        var existing = await RequireAsync(ifMatch);
        var (attributes, change) = Patched(existing, patch);
        if (!Changes(existing, attributes, change)) return existing;
        var written = await WriteAsync(existing, attributes, change, answer);
        Count("patched", change);
        return written;
    }

    /// <summary>
    /// PATCHes that queued behind a commit, written as one (group commit): each is checked against the state the ones
    /// before it leave and keeps its own outcome and version, as if they had run one after the other, and one store
    /// write holds them all. When the store refuses that write for a client's reason (a name taken, a group given as a
    /// member), each is written alone instead, so that only the one at fault fails. Answers carry no body.
    /// </summary>
    protected async Task PatchTogetherAsync(IReadOnlyList<QueuedPatch> queued)
    {
        if (queued.Count == 1)
        {
            await queued[0].CompleteWith(() => PatchWithoutBodyAloneAsync(queued[0]));
            return;
        }
        StoredResource existing;
        try
        {
            Schema = await schemas.ForAsync(Tenant, Kind);
            existing = await RequireAsync(null);
        }
        catch (Exception e)
        {
            foreach (var patch in queued) patch.Fail(e);
            return;
        }
        var (next, members, accepted) = Combine(existing, queued);
        try
        {
            if (next.Version != existing.Version)
            {
                await CommitAsync(existing, next, members, null);
                // Each PATCH that changed the row took the version one further.
                Count("patched", members, next.Version - existing.Version);
            }
        }
        catch (ScimException e) when (e.ScimType is not null)
        {
            foreach (var (patch, _) in accepted) await patch.CompleteWith(() => PatchWithoutBodyAloneAsync(patch));
            return;
        }
        catch (Exception e)
        {
            foreach (var (patch, _) in accepted) patch.Fail(e);
            return;
        }
        foreach (var (patch, version) in accepted) patch.Succeed(VersionOf(version));
    }

    private async Task<ResourceVersion> PatchWithoutBodyAloneAsync(QueuedPatch queued) =>
        VersionOf((await PatchAloneAsync(queued.Patch, queued.IfMatch, null)).Version);

    /// <summary>
    /// The row after the queued PATCHes, applied in order from <paramref name="existing"/>; one that fails is answered
    /// at once and leaves no trace. The accepted ones with the version each leaves.
    /// </summary>
    private (StoredResource Next, MembershipChange Members, List<(QueuedPatch Patch, long Version)> Accepted) Combine(
        StoredResource existing, IReadOnlyList<QueuedPatch> queued)
    {
        var state = existing;
        var members = new MembershipDelta();
        var accepted = new List<(QueuedPatch, long)>();
        foreach (var patch in queued)
        {
            try
            {
                if (patch.IfMatch is not null && !EntityTags.AnyMatches(patch.IfMatch, state.Version))
                    throw ScimException.PreconditionFailed($"The resource's version is {EntityTags.Of(state.Version)}, not {patch.IfMatch}.");
                var (attributes, change) = Patched(state, patch.Patch);
                if (Changes(state, attributes, change))
                {
                    state = Next(state, attributes);
                    members.Then(change);
                }
                accepted.Add((patch, state.Version));
            }
            catch (Exception e)
            {
                patch.Fail(e);
            }
        }
        return (state, members.ToChange(), accepted);
    }

    /// <summary>The attributes and the membership change a PATCH makes to a row, checked; nothing is written.</summary>
    private (JsonObject Attributes, MembershipChange Change) Patched(StoredResource existing, PatchRequest patch)
    {
        var delta = Schema.Kind == ResourceKind.Group ? new MembershipDelta() : null;
        var attributes = ResourceDocument.TakeAttributes(PatchEngine.Apply(existing.Document, patch.Operations, Schema, delta));
        PasswordHashes.HashNew(attributes, existing.Document);
        return (attributes, delta?.ToChange() ?? MembershipChange.None);
    }

    public async Task DeleteAsync(string? ifMatch)
    {
        Schema = await schemas.ForAsync(Tenant, Kind);
        var existing = await RequireAsync(ifMatch);
        await StoreWriteAsync(() => store.DeleteAsync(Tenant, Schema.Kind, Id, existing.Version, CancellationToken.None));
        metrics.ResourceChanged(Kind, "deleted");
        current = null;
        DeactivateOnIdle();
    }

    /// <summary>The membership a POST or PUT body sets; only groups have one.</summary>
    protected abstract MembershipChange MembersOf(JsonObject body);

    /// <summary>Loads the tenant's schema for this call and the resource; 404 when it does not exist.</summary>
    protected async Task<StoredResource> RequireExistingAsync()
    {
        await LoadSchemaAsync();
        return await RequireAsync(null);
    }

    /// <summary>Holds a row the store has just written outside the SCIM writes (a role change).</summary>
    protected void Hold(StoredResource row) => current = PackedResource.Of(row);

    /// <summary>Loads the resource type with the tenant's current custom fields into <see cref="Schema"/>.</summary>
    protected async Task LoadSchemaAsync() => Schema = await schemas.ForAsync(Tenant, Kind);

    private async Task<StoredResource> RequireAsync(string? ifMatch)
    {
        StoredResource? existing;
        if (loaded) existing = current?.Unpack(Tenant, Schema.Kind);
        else
        {
            existing = await LoadAsync();
            (current, loaded) = (existing is null ? null : PackedResource.Of(existing), true);
        }
        if (existing is null) throw ScimException.NotFound($"{Schema.Name} '{Id}' not found.");
        if (ifMatch is not null && !EntityTags.AnyMatches(ifMatch, existing.Version))
            throw ScimException.PreconditionFailed($"The resource's version is {EntityTags.Of(existing.Version)}, not {ifMatch}.");
        return existing;
    }

    /// <summary>Reads the row from the store; a user's grain may read its groups in the same round trip.</summary>
    protected virtual Task<StoredResource?> LoadAsync() => store.GetAsync(Tenant, Schema.Kind, Id, CancellationToken.None);

    /// <summary>
    /// Writes new attributes over the row (version-checked) at the next version; <paramref name="answer"/>: how the call's
    /// answer renders the row, null when it carries no body.
    /// </summary>
    protected Task<StoredResource> WriteAsync(StoredResource existing, JsonObject attributes, MembershipChange members, RenderOptions? answer) =>
        CommitAsync(existing, Next(existing, attributes), members, answer);

    /// <summary>Stores <paramref name="next"/> over <paramref name="existing"/> (version-checked) and holds it.</summary>
    private async Task<StoredResource> CommitAsync(StoredResource existing, StoredResource next, MembershipChange members, RenderOptions? answer)
    {
        await StoreWriteAsync(() => StoreUpdateAsync(next, existing.Version, members, answer));
        current = PackedResource.Of(next);
        return next;
    }

    /// <summary>
    /// The store write of <see cref="CommitAsync"/>. <paramref name="answer"/>, when given, is how the call's answer will
    /// render the row, for a resource whose answer needs more than the row (a user's groups) to read it with the write.
    /// </summary>
    protected virtual Task StoreUpdateAsync(StoredResource next, long expectedVersion, MembershipChange members, RenderOptions? answer) =>
        store.UpdateAsync(next, expectedVersion, members, CancellationToken.None);

    /// <summary>Whether a PATCH changed anything: a member, or an attribute (a PATCH that changes nothing writes nothing).</summary>
    private static bool Changes(StoredResource existing, JsonObject attributes, MembershipChange members) =>
        !members.IsEmpty || !ResourceDocument.HasAttributes(existing.Document, attributes);

    /// <summary>The row with new attributes, checked against the limits, at the next version.</summary>
    private StoredResource Next(StoredResource existing, JsonObject attributes)
    {
        var created = DateTimeOffset.Parse(existing.Document["meta"]!["created"]!.GetValue<string>(), CultureInfo.InvariantCulture);
        ResourceLimits.Check(attributes, Schema);
        var version = existing.Version + 1;
        var document = ResourceDocument.Compose(Schema, Id, attributes, new ResourceMeta(created, clock.GetUtcNow(), version));
        return existing with { Version = version, Document = document };
    }

    /// <summary>
    /// Runs a store write of this resource, then <see cref="WrittenAsync"/>. A write that failed for another reason than
    /// the client's (a concurrent writer, or a database outage whose commit may or may not have happened) leaves the held
    /// row unreliable: the next call reads it again, and the write counts as done for <see cref="WrittenAsync"/>.
    /// </summary>
    protected async Task<T> StoreWriteAsync<T>(Func<Task<T>> write)
    {
        T result;
        try
        {
            result = await write();
        }
        catch (Exception e) when (e is not ScimException { ScimType: not null })
        {
            loaded = false;
            await WrittenAsync();
            throw;
        }
        try
        {
            await WrittenAsync();
        }
        catch
        {
            // Committed but not followed through: the caller answers with the failure, and the next call reads the row.
            loaded = false;
            throw;
        }
        return result;
    }

    protected Task StoreWriteAsync(Func<Task> write) => StoreWriteAsync(async () =>
    {
        await write();
        return true;
    });

    /// <summary>Called after each store write of this resource, before it is acknowledged.</summary>
    protected virtual Task WrittenAsync() => Task.CompletedTask;

    /// <summary>The resource's groups to render when the grain holds them (a user's); null to read them from the store.</summary>
    protected virtual Task<IReadOnlyList<UserGroup>?> HeldGroupsAsync(Projection projection) => Task.FromResult<IReadOnlyList<UserGroup>?>(null);

    /// <summary>Renders a row of this resource; a resource just created is in no group yet, so its groups are not looked up.</summary>
    private async Task<ResourceSnapshot> SnapshotAsync(StoredResource resource, RenderOptions render, bool created = false)
    {
        var projection = Projection.Parse(render, Schema);
        var held = created ? null : await HeldGroupsAsync(projection);
        return await ResourceRendering.SnapshotAsync(memberships, resource, Schema, render, projection, created, held);
    }

    /// <summary>Counts written resources and the SCIM memberships the write set.</summary>
    private void Count(string change, MembershipChange members, long resources = 1)
    {
        metrics.ResourceChanged(Kind, change, resources);
        if (members.ReplaceAll) metrics.MembershipsChanged(MembershipSource.Scim, "replaced", members.Added.Count);
        else metrics.MembershipsChanged(MembershipSource.Scim, "added", members.Added.Count);
        metrics.MembershipsChanged(MembershipSource.Scim, "removed", members.Removed.Count);
    }

    /// <summary>The answer of a write whose caller wants no body.</summary>
    private static ResourceVersion VersionOf(long version) => new(version, EntityTags.Of(version));

    /// <summary>RFC 7644 §3.5.1: an immutable attribute that has a value may only be sent again with the same value.</summary>
    private void CheckImmutable(JsonObject existing, JsonObject attributes)
    {
        foreach (var definition in new[] { Schema.Core }.Concat(Schema.Extensions))
        {
            var before = Schema.IsExtension(definition) ? existing[definition.Id] as JsonObject : existing;
            var after = Schema.IsExtension(definition) ? attributes[definition.Id] as JsonObject : attributes;
            foreach (var attribute in definition.Attributes.Where(a => a.Mutability == Mutability.Immutable))
            {
                if (before?[attribute.Name] is { } old && after?[attribute.Name] is { } value && !JsonNode.DeepEquals(old, value))
                    throw ScimException.Mutability($"'{attribute.Name}' is immutable.");
            }
        }
    }

    /// <summary>A writeOnly attribute (password) left out of a PUT keeps its value: clients cannot read it to send it back.</summary>
    private void KeepWriteOnly(JsonObject existing, JsonObject attributes)
    {
        foreach (var attribute in Schema.Core.Attributes.Where(a => a.Mutability == Mutability.WriteOnly))
        {
            if (attributes[attribute.Name] is null && existing[attribute.Name] is { } kept) attributes[attribute.Name] = kept.DeepClone();
        }
    }
}
