using Scim.Grains.Interfaces.Errors;
using Scim.Grains.Interfaces.Groups;
using Scim.Grains.Interfaces.Resources;

namespace Scim.Grains.Tests.Grains;

/// <summary>
/// Many random moves at once over one tenant's groups, then a check that the result is one tree: every group reached
/// from the root exactly once through the children lists, and each group's path (the child view) naming the parent
/// whose children list holds it (the parent view).
/// </summary>
public static class HierarchyRace
{
    private static readonly RenderOptions Render = new("http://test/scim/v2/t");

    public sealed record Outcome(int Moved, int RefusedAsCycles);

    public static async Task<Outcome> RunAsync(IGrainFactory grains, string tenant, int groupCount, int moveCount, int seed)
    {
        var groups = new List<string>();
        for (var i = 0; i < groupCount; i++)
        {
            var id = Guid.NewGuid().ToString();
            await grains.GetGrain<IGroupGrain>(ResourceKeys.Of(tenant, id)).CreateAsync($$"""{"displayName":"group {{i}}"}""", Render);
            groups.Add(id);
        }
        var random = new Random(seed);
        var moves = Enumerable.Range(0, moveCount)
            .Select(_ => (Group: groups[random.Next(groupCount)], Parent: random.Next(10) == 0 ? null : groups[random.Next(groupCount)]))
            .ToList();
        var results = await Task.WhenAll(moves.Select(async move =>
        {
            try
            {
                await grains.GetGrain<IGroupGrain>(ResourceKeys.Of(tenant, move.Group)).MoveAsync(move.Parent);
                return true;
            }
            catch (ScimException e) when (e.Status == 409)
            {
                return false;
            }
        }));
        await AssertOneTreeAsync(grains, tenant, groups);
        return new Outcome(results.Count(moved => moved), results.Count(moved => !moved));
    }

    /// <summary>
    /// Pairs of groups moved under each other at the same moment, the tightest race there is: of each pair exactly one
    /// move may win, the other is refused, and the tree stays a tree.
    /// </summary>
    public static async Task CrossingMovesAsync(IGrainFactory grains, string tenant, int pairs)
    {
        var groups = new List<string>();
        for (var i = 0; i < pairs * 2; i++)
        {
            var id = Guid.NewGuid().ToString();
            await grains.GetGrain<IGroupGrain>(ResourceKeys.Of(tenant, id)).CreateAsync($$"""{"displayName":"pair member {{i}}"}""", Render);
            groups.Add(id);
        }
        async Task<bool> MoveAsync(string group, string parent)
        {
            try
            {
                await grains.GetGrain<IGroupGrain>(ResourceKeys.Of(tenant, group)).MoveAsync(parent);
                return true;
            }
            catch (ScimException e) when (e.Status == 409)
            {
                return false;
            }
        }
        var outcomes = await Task.WhenAll(groups.Chunk(2).Select(async pair =>
            await Task.WhenAll(MoveAsync(pair[0], pair[1]), MoveAsync(pair[1], pair[0]))));
        Assert.All(outcomes, pair => Assert.Single(pair, moved => moved));
        await AssertOneTreeAsync(grains, tenant, groups);
    }

    private static async Task AssertOneTreeAsync(IGrainFactory grains, string tenant, List<string> groups)
    {
        var hierarchy = grains.GetGrain<IGroupTreeReaderGrain>(tenant);
        var parentView = new Dictionary<string, string?>();
        var pending = new Queue<string?>([null]);
        while (pending.TryDequeue(out var parent))
        {
            var page = await hierarchy.GetChildrenAsync(parent, null, groups.Count + 1);
            Assert.Null(page.Next);
            foreach (var child in page.Groups)
            {
                Assert.True(parentView.TryAdd(child.Id, parent), $"Group {child.Id} is listed under two parents.");
                pending.Enqueue(child.Id);
            }
        }
        Assert.Equal(groups.Order(), parentView.Keys.Order());
        foreach (var group in groups)
        {
            var path = (await hierarchy.GetPathAsync(group)).Select(g => g.Id).ToList();
            Assert.Equal(group, path[^1]);
            Assert.Equal(path.Count, path.Distinct().Count());
            Assert.Equal(parentView[group], path.Count > 1 ? path[^2] : null);
        }
    }
}
