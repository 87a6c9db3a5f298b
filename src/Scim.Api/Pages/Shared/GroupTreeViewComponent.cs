using Microsoft.AspNetCore.Mvc;
using Scim.Grains.Interfaces.Errors;
using Scim.Grains.Interfaces.References;
using Scim.Grains.Interfaces.Groups;
using Scim.Grains.Interfaces.Tenants;

namespace Scim.Api.Pages.Shared;

/// <summary>
/// The platform's left sidebar: the platform group and the groups under it, with the branch down to the group on view
/// opened. Each level shows its first <see cref="PageSize"/> groups; the group's own page lists them all.
/// </summary>
public sealed class GroupTreeViewComponent(IGrainFactory grains) : ViewComponent
{
    public const int PageSize = 50;

    public async Task<IViewComponentResult> InvokeAsync(string tenant, TenantInfo info, string? current)
    {
        var reader = grains.Grain<IGroupTreeReaderGrain>(tenant);
        var path = current is null || current == info.PlatformGroupId ? [] : await PathAsync(reader, current);
        var root = new GroupNode(info.PlatformGroupId, info.DisplayName);
        return View(new GroupTree(tenant, root, await BranchAsync(reader, root.Id, null, path, 0), current ?? ""));
    }

    /// <summary>The groups from under the root to <paramref name="groupId"/>; none when it is gone (a page then says so).</summary>
    private static async Task<IReadOnlyList<GroupNode>> PathAsync(IGroupTreeReaderGrain reader, string groupId)
    {
        try
        {
            return await reader.GetPathAsync(groupId);
        }
        catch (ScimException e) when (e.Status == StatusCodes.Status404NotFound)
        {
            return [];
        }
    }

    private static async Task<GroupBranch> BranchAsync(IGroupTreeReaderGrain reader, string parentPageId, string? parentId, IReadOnlyList<GroupNode> path, int depth)
    {
        var page = await reader.GetChildrenAsync(parentId, null, PageSize);
        var onPath = depth < path.Count ? path[depth] : null;
        // The group on view is shown where it hangs even when it is not among the first of its level.
        var groups = onPath is null || page.Groups.Any(g => g.Id == onPath.Id) ? page.Groups : [.. page.Groups, onPath];
        var items = new List<GroupTreeItem>();
        foreach (var group in groups)
            items.Add(new GroupTreeItem(group, group.Id == onPath?.Id ? await BranchAsync(reader, group.Id, group.Id, path, depth + 1) : null));
        return new GroupBranch(parentPageId, items, page.Next is not null);
    }
}

/// <summary>What the sidebar shows: the platform group, the branches under it, and the group on view.</summary>
public sealed record GroupTree(string Tenant, GroupNode Root, GroupBranch Children, string Current);

/// <summary>One level of the tree: its groups, and whether more follow than are shown (on the parent's page).</summary>
public sealed record GroupBranch(string ParentId, IReadOnlyList<GroupTreeItem> Items, bool More);

/// <summary>A group of a level, with its own level when it is on the way to the group on view.</summary>
public sealed record GroupTreeItem(GroupNode Group, GroupBranch? Children);
