using Microsoft.AspNetCore.Mvc;
using Scim.Api.Http;
using Scim.Grains.Interfaces.Errors;
using Scim.Grains.Interfaces.Groups;
using Scim.Grains.Interfaces.Platform;
using Scim.Grains.Interfaces.References;
using Scim.Grains.Interfaces.Resources;

namespace Scim.Api.Pages.Groups;

/// <summary>
/// A group's page: its ID to copy (admins give it to their account team), the groups under it and its members with
/// where each membership comes from. Admins and the owner also add and remove manual members and move the group in the
/// tree, through the group's grain as the admin API does. The platform group is the tree's root; every other group is
/// the IdP's (SCIM): its SCIM members stay the IdP's to change.
/// </summary>
public sealed class GroupModel(IGrainFactory grains) : PlatformPageModel(grains)
{
    public const int PageSize = 50;

    [FromRoute] public string GroupId { get; set; } = "";

    /// <summary>Where the next page of children starts (a group id).</summary>
    [BindProperty(SupportsGet = true)] public string? After { get; set; }

    /// <summary>Where the next page of members starts (a user id).</summary>
    [BindProperty(SupportsGet = true)] public string? MembersAfter { get; set; }

    /// <summary>What an admin typed to find a user to add.</summary>
    [BindProperty(SupportsGet = true)] public string? FindUser { get; set; }

    /// <summary>What an admin typed to find the group to move this one under.</summary>
    [BindProperty(SupportsGet = true)] public string? FindParent { get; set; }

    /// <summary>What the last action did, after its redirect (added, removed, moved).</summary>
    [BindProperty(SupportsGet = true)] public string? Done { get; set; }

    [BindProperty] public string? UserId { get; set; }

    [BindProperty] public string? ParentId { get; set; }

    public bool IsPlatformGroup => GroupId == PlatformGroupId;

    /// <summary>The groups from under the root down to this one (empty for the platform group).</summary>
    public IReadOnlyList<GroupNode> Path { get; private set; } = [];

    public string DisplayName => IsPlatformGroup ? Info!.DisplayName : Path[^1].DisplayName;

    public GroupPage Children { get; private set; } = new([], null);

    public MemberListing Members { get; private set; } = new([], null);

    public IReadOnlyList<PlatformUserSummary> FoundUsers { get; private set; } = [];

    public IReadOnlyList<PlatformSearch.FoundGroup> FoundParents { get; private set; } = [];

    public bool Missing { get; private set; }

    private IGroupGrain Group => Grains.Grain<IGroupGrain>(ResourceKeys.Of(Tenant, GroupId));

    public async Task<IActionResult> OnGetAsync()
    {
        if (await EnterAsync() is { } instead) return instead;
        return await ShowAsync();
    }

    public Task<IActionResult> OnPostAddMemberAsync() => ActAsync("added", () => Group.AddManualMemberAsync(UserId ?? ""));

    public Task<IActionResult> OnPostRemoveMemberAsync() => ActAsync("removed", () => Group.RemoveManualMemberAsync(UserId ?? ""));

    public Task<IActionResult> OnPostMoveAsync() =>
        ActAsync("moved", () => Group.MoveAsync(string.IsNullOrEmpty(ParentId) || ParentId == PlatformGroupId ? null : ParentId));

    private Task<IActionResult> ActAsync(string done, Func<Task> action) =>
        AdminActionAsync(action, () => $"{GroupPath(GroupId)}?done={done}", ShowAsync, refusal => refusal.Status == StatusCodes.Status409Conflict
            ? "The group was not moved: a group cannot hang under itself or under a group below it. Pick a group elsewhere in the tree."
            : refusal.Detail);

    private async Task<IActionResult> ShowAsync()
    {
        ViewData["GroupId"] = GroupId;
        var tree = Grains.Grain<IGroupTreeReaderGrain>(Tenant);
        try
        {
            // An id that cannot be a group's is a 404 before any grain is asked, as on the SCIM routes.
            if (!IsPlatformGroup) Path = await tree.GetPathAsync(ScimRequests.RequireResourceId(GroupId, "Group"));
            Children = await tree.GetChildrenAsync(IsPlatformGroup ? null : GroupId, After, PageSize);
            if (IsPlatformGroup) return Page();
            Members = await Group.ListMembersAsync(MembersAfter, PageSize);
        }
        catch (ScimException e) when (e.Status is StatusCodes.Status404NotFound or StatusCodes.Status400BadRequest)
        {
            Missing = true;
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }
        if (!CanAdminister) return Page();
        if (!string.IsNullOrWhiteSpace(FindUser)) FoundUsers = (await PlatformSearch.UsersAsync(Grains, Tenant, FindUser)).Users;
        if (!string.IsNullOrWhiteSpace(FindParent))
            FoundParents = (await PlatformSearch.GroupsAsync(Grains, Tenant, FindParent)).Where(g => g.Id != GroupId).ToList();
        return Page();
    }

    public static string SourceName(MembershipSource source) => source == MembershipSource.Manual ? "added by hand" : "from the identity provider";
}
