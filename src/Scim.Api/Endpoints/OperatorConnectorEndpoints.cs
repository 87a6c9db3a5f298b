using Scim.Api.Auth;
using Scim.Api.Http;
using Scim.Grains.Interfaces.Platform;
using Scim.Grains.Interfaces.References;
using Scim.Grains.Interfaces.Resources;
using Scim.Grains.Interfaces.Tenants;

namespace Scim.Api.Endpoints;

/// <summary>
/// The operator's part of the SCIM connector (DESIGN §1, step 1): platform users with their roles, enabling the
/// connector for a tenant, and admin keys for its admins (until they have password logins).
/// </summary>
public static class OperatorConnectorEndpoints
{
    public sealed record CreateUserRequest(string? UserName, string? Email, string? DisplayName, string? Role);

    public sealed record RoleRequest(string? Role);

    public sealed record ConnectorRequest(string? PlatformGroupId, string? ConnectorAdminEmail);

    public sealed record AdminKeyRequest(string? UserId);

    public sealed record UserView(string Id, string UserName, IReadOnlyList<string> Emails, string Role);

    public sealed record ConnectorView(bool Enabled, string? ConnectorAdminEmail, DateTimeOffset? EnabledAt, bool Active,
        DateTimeOffset? ActivatedAt, string? ActivatedBy, string? IdentityProvider, bool SendTemporaryPasswordEmail)
    {
        public static ConnectorView Of(ConnectorState state) => new(state.Enabled, state.ConnectorAdminEmail, state.EnabledAt, state.Active,
            state.ActivatedAt, state.ActivatedBy, state.Settings.IdentityProvider, state.Settings.SendTemporaryPasswordEmail);
    }

    public static void MapOperatorConnectorEndpoints(this IEndpointRouteBuilder app)
    {
        var tenant = app.MapGroup("/admin/v1/tenants/{tenant}").RequireAuthorization(ScimAuth.OperatorPolicy).WithTags("Admin: connector");
        tenant.MapPost("/users", CreateUserAsync).Accepts<CreateUserRequest>("application/json");
        tenant.MapGet("/users/{id}", GetUserAsync);
        tenant.MapPut("/users/{id}/role", SetRoleAsync).Accepts<RoleRequest>("application/json");
        tenant.MapPut("/connector", EnableConnectorAsync).Accepts<ConnectorRequest>("application/json");
        tenant.MapGet("/connector", GetConnectorAsync);
        tenant.MapPost("/admin-keys", IssueAdminKeyAsync).Accepts<AdminKeyRequest>("application/json");
        tenant.MapGet("/admin-keys", ListAdminKeysAsync);
        tenant.MapDelete("/admin-keys/{id}", RevokeAdminKeyAsync);
    }

    /// <summary>A platform user outside SCIM, e.g. the owner: a user resource (userName defaults to the e-mail) with a role.</summary>
    private static async Task<IResult> CreateUserAsync(string tenant, HttpRequest request, [AsParameters] ScimServices s)
    {
        await OperatorTenantEndpoints.RequireTenantAsync(tenant, s);
        var body = await s.Bodies.ReadAsync<CreateUserRequest>(request);
        var role = RoleNames.Parse(body.Role ?? "user");
        var user = await s.Grains.Grain<IUserCreationGrain>(tenant).CreatePlatformUserAsync(PlatformUserBodies.Of(body.UserName, body.Email, body.DisplayName), role);
        return TypedResults.Created($"/admin/v1/tenants/{tenant}/users/{user.Id}", View(user));
    }

    private static async Task<IResult> GetUserAsync(string tenant, string id, [AsParameters] ScimServices s)
    {
        await OperatorTenantEndpoints.RequireTenantAsync(tenant, s);
        return TypedResults.Ok(View(await User(s, tenant, ScimRequests.RequireResourceId(id, "User")).GetPlatformUserAsync()));
    }

    private static async Task<IResult> SetRoleAsync(string tenant, string id, HttpRequest request, [AsParameters] ScimServices s)
    {
        await OperatorTenantEndpoints.RequireTenantAsync(tenant, s);
        var body = await s.Bodies.ReadAsync<RoleRequest>(request);
        var user = await User(s, tenant, ScimRequests.RequireResourceId(id, "User")).SetRoleAsync(RoleNames.Parse(body.Role));
        return TypedResults.Ok(View(user));
    }

    /// <summary>Enables the connector; the custom fields to sync have their own route (<see cref="OperatorTenantEndpoints"/>).</summary>
    private static async Task<IResult> EnableConnectorAsync(string tenant, HttpRequest request, [AsParameters] ScimServices s)
    {
        await OperatorTenantEndpoints.RequireTenantAsync(tenant, s);
        var body = await s.Bodies.ReadAsync<ConnectorRequest>(request);
        var state = await s.Grains.Grain<ITenantGrain>(tenant).EnableConnectorAsync(body.PlatformGroupId ?? "", body.ConnectorAdminEmail ?? "");
        return TypedResults.Ok(ConnectorView.Of(state));
    }

    private static async Task<IResult> GetConnectorAsync(string tenant, [AsParameters] ScimServices s)
    {
        await OperatorTenantEndpoints.RequireTenantAsync(tenant, s);
        return TypedResults.Ok(ConnectorView.Of(await s.Grains.Grain<ITenantGrain>(tenant).GetConnectorAsync()));
    }

    private static async Task<IResult> IssueAdminKeyAsync(string tenant, HttpRequest request, [AsParameters] ScimServices s)
    {
        await OperatorTenantEndpoints.RequireTenantAsync(tenant, s);
        var body = await s.Bodies.ReadAsync<AdminKeyRequest>(request);
        var userId = ScimRequests.RequireResourceId(body.UserId ?? "", "User");
        var key = await s.Grains.Grain<IAdminKeySetGrain>(tenant).MintAsync(tenant, userId);
        return TypedResults.Created($"/admin/v1/tenants/{tenant}/admin-keys/{key.Id}", key);
    }

    private static async Task<IResult> ListAdminKeysAsync(string tenant, [AsParameters] ScimServices s)
    {
        await OperatorTenantEndpoints.RequireTenantAsync(tenant, s);
        return TypedResults.Ok(new { keys = await s.Grains.Grain<IAdminKeySetGrain>(tenant).ListAsync() });
    }

    private static async Task<IResult> RevokeAdminKeyAsync(string tenant, string id, [AsParameters] ScimServices s)
    {
        await OperatorTenantEndpoints.RequireTenantAsync(tenant, s);
        await s.Grains.Grain<IAdminKeySetGrain>(tenant).RevokeAsync(id);
        return TypedResults.NoContent();
    }

    private static UserView View(PlatformUser user) => new(user.Id, user.UserName, user.Emails, RoleNames.Of(user.Role));

    private static IUserGrain User(ScimServices s, string tenant, string id) => s.Grains.Grain<IUserGrain>(ResourceKeys.Of(tenant, id));
}
