using System.Text.Json.Nodes;
using Scim.Grains.Documents;
using Scim.Grains.Interfaces.Groups;
using Scim.Grains.Interfaces.Resources;
using Scim.Grains.Rendering;
using Scim.Grains.Schemas;
using Scim.Grains.Storage;

namespace Scim.Grains.Resources;

/// <summary>
/// Renders stored rows of one type with their derived attributes read from the store: the users' groups in one query
/// for all of them, each group's first chunk of members. A group never has more than one chunk rendered here, so no
/// grain call builds a response whose size grows with the group.
/// </summary>
public static class ResourceRendering
{
    /// <summary>Members per chunk: the first is rendered with the group, the others are read in calls of this size.</summary>
    public const int MembersPerChunk = 1000;

    /// <summary>
    /// Renders rows; users' groups are read here unless the page came with them (<paramref name="pageGroups"/>) or the
    /// rows are known to be in no group yet (<paramref name="withoutGroups"/>, a user just created).
    /// </summary>
    public static async Task<IReadOnlyList<RenderedResource>> RenderAsync(IMembershipStore memberships, string tenant, IReadOnlyList<StoredResource> rows,
        ResourceSchema schema, RenderOptions render, Projection projection, bool withoutGroups = false,
        IReadOnlyDictionary<string, IReadOnlyList<UserGroup>>? pageGroups = null)
    {
        var rendered = new List<RenderedResource>(rows.Count);
        if (schema.Kind == ResourceKind.User)
        {
            // An empty page (the lookup that precedes an IdP's create) needs no groups: no round trip for them.
            var groups = withoutGroups || rows.Count == 0 || !projection.Includes(UserSchema.Groups)
                ? null
                : pageGroups ?? await memberships.GetGroupsOfUsersAsync(tenant, rows.Select(r => r.Id).ToList(), CancellationToken.None);
            foreach (var row in rows)
            {
                var derived = groups is null ? null : new JsonArray((groups.GetValueOrDefault(row.Id) ?? [])
                    .Select(g => (JsonNode)DerivedValues.Group(g, render.BaseUrl)).ToArray());
                rendered.Add(new RenderedResource(ResourceRenderer.Render(row, schema, render, projection, UserSchema.Groups, derived), null));
            }
            return rendered;
        }
        foreach (var row in rows) rendered.Add(await RenderGroupAsync(memberships, tenant, row, schema, render, projection));
        return rendered;
    }

    /// <summary>
    /// One row rendered as the answer about it, with its version, ETag and location; a user's groups as
    /// <see cref="RenderAsync"/> reads them, unless <paramref name="heldGroups"/> brings them.
    /// </summary>
    public static async Task<ResourceSnapshot> SnapshotAsync(IMembershipStore memberships, StoredResource row, ResourceSchema schema, RenderOptions render,
        Projection projection, bool withoutGroups, IReadOnlyList<UserGroup>? heldGroups = null)
    {
        var rendered = (await RenderAsync(memberships, row.Tenant, [row], schema, render, projection, withoutGroups,
            heldGroups is null ? null : new Dictionary<string, IReadOnlyList<UserGroup>> { [row.Id] = heldGroups }))[0];
        return new ResourceSnapshot(row.Id, row.Version, EntityTags.Of(row.Version), ResourceRenderer.Location(render.BaseUrl, schema, row.Id),
            rendered.Json, rendered.MoreMembers);
    }

    /// <summary>The next chunk of a group's SCIM members after a member id.</summary>
    public static async Task<MemberChunk> RenderMembersAsync(IMembershipStore memberships, string tenant, string groupId, string after,
        ResourceSchema schema, RenderOptions render)
    {
        var (chunk, last) = KeysetPages.Cut(await memberships.GetMembersAsync(tenant, groupId, after, KeysetPages.Fetch(MembersPerChunk), CancellationToken.None),
            MembersPerChunk);
        return new MemberChunk(ResourceRenderer.RenderMembers(chunk, schema, render, Projection.Parse(render, schema)), last?.MemberId);
    }

    private static async Task<RenderedResource> RenderGroupAsync(IMembershipStore memberships, string tenant, StoredResource row, ResourceSchema schema,
        RenderOptions render, Projection projection)
    {
        if (!projection.Includes(GroupSchema.Members)) return new RenderedResource(ResourceRenderer.Render(row, schema, render, projection));
        var (chunk, last) = KeysetPages.Cut(await memberships.GetMembersAsync(tenant, row.Id, null, KeysetPages.Fetch(MembersPerChunk), CancellationToken.None),
            MembersPerChunk);
        if (last is null)
        {
            var all = new JsonArray(chunk.Select(m => (JsonNode)DerivedValues.Member(m, render.BaseUrl)).ToArray());
            return new RenderedResource(ResourceRenderer.Render(row, schema, render, projection, GroupSchema.Members, all));
        }
        var (before, after) = ResourceRenderer.RenderAround(row.Document, schema, render, projection);
        return new RenderedResource("", new MembersToStream(row.Id, before, ResourceRenderer.RenderMembers(chunk, schema, render, projection), after,
            last.MemberId));
    }
}
