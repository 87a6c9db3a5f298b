using Orleans.Concurrency;
using Scim.Grains.Documents;
using Scim.Grains.Filtering;
using Scim.Grains.Interfaces.Errors;
using Scim.Grains.Interfaces.Platform;
using Scim.Grains.Interfaces.Resources;
using Scim.Grains.Rendering;
using Scim.Grains.Resources;
using Scim.Grains.Rules;
using Scim.Grains.Schemas;
using Scim.Grains.Storage;

namespace Scim.Grains.Queries;

/// <summary>
/// Runs list requests for a tenant (RFC 7644 §3.4.2): parses and validates the filter (a filter the server cannot
/// evaluate is a 400, never an unfiltered list), pages with startIndex/count (count capped at maxResults; 0 returns
/// only totalResults), sorts, and renders each resource. Stateless and reentrant: any silo runs it, and one activation
/// serves many lists at once while they wait on the database.
/// </summary>
[StatelessWorker, Reentrant]
internal sealed class QueryGrain(IResourceStore store, IMembershipStore memberships, TenantSchemas schemas) : Grain, IQueryGrain
{
    private static readonly ResourceKind[] RootKinds = [ResourceKind.User, ResourceKind.Group];

    private string Tenant => this.GetPrimaryKeyString();

    public async Task<ListResult> ListAsync(ResourceKind kind, ListQuery query, RenderOptions render)
    {
        var schema = await schemas.ForAsync(Tenant, kind);
        var filter = ParseFilter(query.Filter, schema);
        var projection = Projection.Parse(render, schema);
        var (startIndex, count) = Page(query);
        if (query.Cursor is not null) return await CursorPageAsync(schema, filter, query, count, render, projection);
        var sort = SortSpec.Parse(query.SortBy, query.SortOrder, schema);
        var page = await store.QueryAsync(Tenant, new StoreQuery(schema, filter, sort, startIndex, count, WithGroups: WantsGroups(schema, projection)),
            CancellationToken.None);
        return Result(page.TotalResults, startIndex,
            await ResourceRendering.RenderAsync(memberships, Tenant, page.Resources, schema, render, projection, pageGroups: page.Groups));
    }

    public async Task<PlatformUserList> ListPlatformUsersAsync(ListQuery query)
    {
        var schema = await schemas.ForAsync(Tenant, ResourceKind.User);
        var (startIndex, count) = Page(query);
        var page = await store.QueryAsync(Tenant, new StoreQuery(schema, ParseFilter(query.Filter, schema), SortSpec.Parse(query.SortBy, query.SortOrder, schema),
            startIndex, count), CancellationToken.None);
        return new PlatformUserList(page.TotalResults, page.Resources.Select(user => new PlatformUserSummary(user.Id,
            ResourceDocument.GetString(user.Document, UniqueNames.Attribute(ResourceKind.User)) ?? "", ResourceDocument.GetString(user.Document, "displayName"),
            ResourceDocument.PrimaryEmail(user.Document), !ResourceDocument.IsDeactivated(user.Document), user.CreatedByPlatform, user.Role)).ToList());
    }

    public async Task<ListResult> SearchAllAsync(ListQuery query, RenderOptions render)
    {
        if (query.Cursor is not null) throw ScimException.InvalidValue("Cursor pagination is offered on /Users and /Groups, not at the root.");
        var (startIndex, count) = Page(query);
        var parsedFilter = string.IsNullOrWhiteSpace(query.Filter) ? null : FilterParser.Parse(query.Filter.Trim());
        var plans = new List<RootPlan>();
        foreach (var kind in RootKinds) plans.Add(RootPlan.For(await schemas.ForAsync(Tenant, kind), parsedFilter, query));
        var sorts = plans.Select(p => p.Sort).OfType<SortSpec>().ToList();
        if (query.SortBy is not null && sorts.Count == 0)
            throw ScimException.InvalidValue($"Unknown attribute '{query.SortBy}' for sortBy on any resource type.");
        if (parsedFilter is not null && plans.All(p => p.Skipped))
            throw plans[0].FilterError ?? ScimException.InvalidFilter("The filter names no attribute of any resource type.");
        // Enough rows of each type to cut the requested page out of their merge.
        var wanted = count == 0 ? 0 : startIndex - 1 + count;
        var rows = new List<(StoredResource Row, object? Key, ResourceSchema Schema)>();
        var total = 0;
        foreach (var plan in plans.Where(p => !p.Skipped))
        {
            var page = await store.QueryAsync(Tenant, new StoreQuery(plan.Schema, plan.Filter, plan.Sort, 1, wanted), CancellationToken.None);
            total += page.TotalResults;
            rows.AddRange(page.Resources.Select(row => (row, plan.Sort is null ? null : SortKeys.KeyOf(row.Document, plan.Sort), plan.Schema)));
        }
        var merged = sorts.Count == 0 ? rows : SortKeys.Merge(rows, r => r.Key, r => r.Row.Id, sorts[0].Descending);
        var resources = new List<RenderedResource>();
        foreach (var (row, _, schema) in merged.Skip(startIndex - 1).Take(count))
            resources.AddRange(await ResourceRendering.RenderAsync(memberships, Tenant, [row], schema, render, Projection.Parse(render, schema)));
        return Result(total, startIndex, resources);
    }

    /// <summary>
    /// RFC 9865 cursor pagination, in creation order: one row more than the page is read to know whether a next page
    /// exists, and the next cursor continues after the last row returned (keyset, so deep pages cost what the first does).
    /// </summary>
    private async Task<ListResult> CursorPageAsync(ResourceSchema schema, FilterNode? filter, ListQuery query, int count,
        RenderOptions render, Projection projection)
    {
        var kind = schema.Kind;
        if (query.SortBy is not null) throw ScimException.InvalidValue("Cursor pagination returns resources in creation order; sortBy cannot be combined with cursor.");
        var after = ListCursors.Decode(query.Cursor!, kind, query.Filter);
        var page = await store.QueryAsync(Tenant, new StoreQuery(schema, filter, null, 1, KeysetPages.Fetch(count), after, WantsGroups(schema, projection)),
            CancellationToken.None);
        var (rows, last) = KeysetPages.Cut(page.Resources, count);
        var next = last is null ? null : ListCursors.Encode(last.Sequence, kind, query.Filter);
        var rendered = await ResourceRendering.RenderAsync(memberships, Tenant, rows, schema, render, projection, pageGroups: page.Groups);
        return Result(page.TotalResults, 1, rendered) with { CursorPaged = true, NextCursor = next };
    }

    /// <summary>Whether a page's users are rendered with their groups, so the store should read them with the page.</summary>
    private static bool WantsGroups(ResourceSchema schema, Projection projection) =>
        schema.Kind == ResourceKind.User && projection.Includes(UserSchema.Groups);

    private static ListResult Result(int total, int startIndex, IReadOnlyList<RenderedResource> rendered) => new(total, startIndex, rendered);

    private static FilterNode? ParseFilter(string? text, ResourceSchema schema)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var filter = FilterParser.Parse(text.Trim());
        FilterValidator.Validate(filter, schema);
        return filter;
    }

    private static (int StartIndex, int Count) Page(ListQuery query) =>
        (Math.Max(1, query.StartIndex), Math.Clamp(query.Count ?? ScimLimits.MaxResults, 0, ScimLimits.MaxResults));

    /// <summary>How one resource type takes part in a root query: its filter and sort, or skipped when the filter names an attribute it lacks.</summary>
    private sealed record RootPlan(ResourceSchema Schema, FilterNode? Filter, SortSpec? Sort, bool Skipped, ScimException? FilterError)
    {
        public static RootPlan For(ResourceSchema schema, FilterNode? filter, ListQuery query)
        {
            // A sortBy this type lacks: its resources have no value for it, so they sort last.
            var sortPath = query.SortBy is null ? null : AttrPath.TryParse(query.SortBy.Trim());
            var sort = sortPath is not null && schema.Resolve(sortPath) is null ? null : SortSpec.Parse(query.SortBy, query.SortOrder, schema);
            if (filter is null) return new RootPlan(schema, null, sort, false, null);
            try
            {
                FilterValidator.Validate(filter, schema);
                return new RootPlan(schema, filter, sort, false, null);
            }
            catch (ScimException e)
            {
                return new RootPlan(schema, null, sort, true, e);
            }
        }
    }
}
