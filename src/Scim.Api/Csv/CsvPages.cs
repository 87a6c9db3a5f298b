using System.Runtime.CompilerServices;
using Scim.Grains.Interfaces.References;
using Scim.Grains.Interfaces.Resources;

namespace Scim.Api.Csv;

/// <summary>Pages through a tenant's resources with RFC 9865 cursors: one page in memory at a time, whatever the tenant's size.</summary>
public static class CsvPages
{
    public const int PageSize = 500;

    public static async IAsyncEnumerable<string> ResourcesAsync(IGrainFactory grains, string tenant, ResourceKind kind,
        RenderOptions render, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var query = grains.Grain<IQueryGrain>(tenant);
        string? cursor = "";
        while (cursor is not null)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var page = await query.ListAsync(kind, new ListQuery(null, 1, PageSize, Cursor: cursor), render);
            foreach (var resource in page.Resources) yield return resource.Json;
            cursor = page.NextCursor;
        }
    }
}
