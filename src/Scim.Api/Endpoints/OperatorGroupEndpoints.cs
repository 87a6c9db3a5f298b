using Scim.Api.Auth;
using Scim.Api.Http;
using Scim.Grains.Interfaces.Errors;
using Scim.Grains.Interfaces.Groups;
using Scim.Grains.Interfaces.References;
using Scim.Grains.Interfaces.Resources;
using Scim.Grains.Interfaces.Tenants;

namespace Scim.Api.Endpoints;

/// <summary>
/// The platform's side of groups (DESIGN §1), behind the operator key until platform admins have keys: manual
/// members, every member with its sources, and the hierarchy under the tenant's platform group. SCIM never reaches
/// these; these never change what the IdP manages. Lists are pages by id: pass <c>next</c> back as <c>after</c>.
/// </summary>
public static class OperatorGroupEndpoints
{
    private const int DefaultPage = 100;
    private const int MaxPage = 1000;

    public sealed record MoveRequest(string? ParentId);

    public sealed record MemberView(string UserId, string? UserName, IReadOnlyList<string> Sources);

    public sealed record MembersPage(IReadOnlyList<MemberView> Members, string? Next);

    public sealed record PathView(IReadOnlyList<GroupNode> Path);

    public static void MapOperatorGroupEndpoints(this IEndpointRouteBuilder app)
    {
        var groups = app.MapGroup("/admin/v1/tenants/{tenant}/groups/{id}").RequireAuthorization(ScimAuth.OperatorPolicy).WithTags("Admin: groups");
        groups.MapGet("/members", ListMembersAsync);
        groups.MapPut("/manual-members/{userId}", AddManualMemberAsync);
        groups.MapDelete("/manual-members/{userId}", RemoveManualMemberAsync);
        groups.MapGet("/children", ListChildrenAsync);
        groups.MapGet("/path", GetPathAsync);
        groups.MapPut("/parent", MoveAsync).Accepts<MoveRequest>("application/json");
    }

    private static async Task<IResult> ListMembersAsync(string tenant, string id, string? after, int? count, [AsParameters] ScimServices s)
    {
        await OperatorTenantEndpoints.RequireTenantAsync(tenant, s);
        var page = await Group(s, tenant, id).ListMembersAsync(after, PageSize(count));
        var members = page.Members.Select(m => new MemberView(m.UserId, m.UserName, m.Sources.Select(Name).ToList())).ToList();
        return TypedResults.Ok(new MembersPage(members, page.Next));
    }

    private static async Task<IResult> AddManualMemberAsync(string tenant, string id, string userId, [AsParameters] ScimServices s)
    {
        await OperatorTenantEndpoints.RequireTenantAsync(tenant, s);
        await Group(s, tenant, id).AddManualMemberAsync(userId);
        return TypedResults.NoContent();
    }

    private static async Task<IResult> RemoveManualMemberAsync(string tenant, string id, string userId, [AsParameters] ScimServices s)
    {
        await OperatorTenantEndpoints.RequireTenantAsync(tenant, s);
        await Group(s, tenant, id).RemoveManualMemberAsync(userId);
        return TypedResults.NoContent();
    }

    private static async Task<IResult> ListChildrenAsync(string tenant, string id, string? after, int? count, [AsParameters] ScimServices s)
    {
        var info = await OperatorTenantEndpoints.RequireTenantAsync(tenant, s);
        var parent = id == info.PlatformGroupId ? null : id;
        return TypedResults.Ok(await s.Grains.Grain<IGroupTreeReaderGrain>(tenant).GetChildrenAsync(parent, after, PageSize(count)));
    }

    private static async Task<IResult> GetPathAsync(string tenant, string id, [AsParameters] ScimServices s)
    {
        var info = await OperatorTenantEndpoints.RequireTenantAsync(tenant, s);
        var below = id == info.PlatformGroupId ? [] : await s.Grains.Grain<IGroupTreeReaderGrain>(tenant).GetPathAsync(id);
        return TypedResults.Ok(new PathView([PlatformGroup(info), .. below]));
    }

    /// <summary>Moves a group under another group, or under the platform group (its id, or no parentId); answers the new path.</summary>
    private static async Task<IResult> MoveAsync(string tenant, string id, HttpRequest request, [AsParameters] ScimServices s)
    {
        var info = await OperatorTenantEndpoints.RequireTenantAsync(tenant, s);
        var body = await s.Bodies.ReadAsync<MoveRequest>(request);
        if (id == info.PlatformGroupId) throw ScimException.InvalidValue("The platform group is the root of the tree: it has no parent.");
        await Group(s, tenant, id).MoveAsync(body.ParentId is null || body.ParentId == info.PlatformGroupId ? null : body.ParentId);
        return await GetPathAsync(tenant, id, s);
    }

    private static GroupNode PlatformGroup(TenantInfo info) => new(info.PlatformGroupId, info.DisplayName);

    private static string Name(MembershipSource source) => source == MembershipSource.Manual ? "manual" : "scim";

    private static int PageSize(int? count) => count is { } n ? Math.Clamp(n, 1, MaxPage) : DefaultPage;

    private static IGroupGrain Group(ScimServices s, string tenant, string id) => s.Grains.Grain<IGroupGrain>(ResourceKeys.Of(tenant, id));
}
