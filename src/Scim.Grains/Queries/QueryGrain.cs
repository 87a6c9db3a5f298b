using Orleans.Concurrency;
using Scim.Grains.Discovery;
using Scim.Grains.Filtering;
using Scim.Grains.Interfaces.Resources;
using Scim.Grains.Resources;
using Scim.Grains.Schemas;
using Scim.Grains.Storage;

namespace Scim.Grains.Queries;

/// <summary>
/// Runs list requests for a tenant (RFC 7644 §3.4.2): parses and validates the filter (a filter the server cannot
/// evaluate is a 400, never an unfiltered list), pages with startIndex/count (count capped at maxResults; 0 returns
/// only totalResults), and renders each resource. Stateless and reentrant: any silo runs it, and one activation
/// serves many lists at once while they wait on the database.
/// </summary>
[StatelessWorker, Reentrant]
internal sealed class QueryGrain(IResourceStore store) : Grain, IQueryGrain
{
    public async Task<ListResult> ListAsync(ResourceKind kind, ListQuery query, RenderOptions render)
    {
        var schema = ResourceSchema.For(kind);
        FilterNode? filter = null;
        if (!string.IsNullOrWhiteSpace(query.Filter))
        {
            filter = FilterParser.Parse(query.Filter.Trim());
            FilterValidator.Validate(filter, schema);
        }
        var projection = Projection.Parse(render, schema);
        var startIndex = Math.Max(1, query.StartIndex);
        var count = Math.Clamp(query.Count ?? ScimLimits.MaxResults, 0, ScimLimits.MaxResults);
        var tenant = this.GetPrimaryKeyString();
        var sort = SortSpec.Parse(query.SortBy, query.SortOrder, schema);
        var page = await store.QueryAsync(tenant, kind, new StoreQuery(filter, sort, startIndex, count), CancellationToken.None);
        var withMembers = kind == ResourceKind.Group && projection.Includes(GroupSchema.Members);
        var resources = new List<string>(page.Resources.Count);
        foreach (var row in page.Resources)
        {
            var members = withMembers ? await store.GetMembersAsync(tenant, row.Id, CancellationToken.None) : null;
            resources.Add(ResourceRenderer.Render(row.Document, schema, render, projection, members));
        }
        return new ListResult(page.TotalResults, startIndex, resources);
    }
}
