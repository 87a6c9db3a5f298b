using Scim.Api.Auth;
using Scim.Api.Http;
using Scim.Grains.Interfaces.Errors;
using Scim.Grains.Interfaces.References;
using Scim.Grains.Interfaces.Tenants;

namespace Scim.Api.Endpoints;

/// <summary>
/// The operator API: tenants and their custom user fields, behind the operator key. The operator manages a tenant's
/// SCIM tokens through the tenant admin's routes (<see cref="TenantAdminEndpoints"/>), which accept the operator key.
/// </summary>
public static class OperatorTenantEndpoints
{
    public sealed record CreateTenantRequest(string? Id, string? DisplayName);

    public sealed record CustomFieldsRequest(IReadOnlyList<CustomField>? Fields);

    public static void MapOperatorTenantEndpoints(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/admin/v1/tenants").RequireAuthorization(ScimAuth.OperatorPolicy).WithTags("Admin");
        admin.MapPost("/", CreateTenantAsync).Accepts<CreateTenantRequest>("application/json");
        admin.MapGet("/{tenant}", GetTenantAsync);
        admin.MapGet("/{tenant}/custom-fields", GetCustomFieldsAsync);
        admin.MapPut("/{tenant}/custom-fields", SetCustomFieldsAsync).Accepts<CustomFieldsRequest>("application/json");
    }

    private static async Task<IResult> CreateTenantAsync(HttpRequest request, [AsParameters] ScimServices s)
    {
        var body = await s.Bodies.ReadAsync<CreateTenantRequest>(request);
        if (!TenantIds.IsValid(body.Id))
            throw ScimException.InvalidValue("'id' must be 1-63 lowercase letters, digits or '-', starting with a letter or digit.");
        var tenant = await s.Grains.Grain<ITenantGrain>(body.Id!).CreateAsync(body.DisplayName ?? body.Id!);
        return TypedResults.Created($"/admin/v1/tenants/{tenant.Id}", tenant);
    }

    private static async Task<IResult> GetTenantAsync(string tenant, [AsParameters] ScimServices s) =>
        TypedResults.Ok(await RequireTenantAsync(tenant, s));

    /// <summary>The tenant, or 404 when it does not exist (or its id could not be one).</summary>
    public static async Task<TenantInfo> RequireTenantAsync(string tenant, ScimServices s) =>
        (TenantIds.IsValid(tenant) ? await s.Grains.Grain<ITenantGrain>(tenant).GetAsync() : null)
        ?? throw ScimException.NotFound($"Tenant '{tenant}' not found.");

    private static async Task<IResult> GetCustomFieldsAsync(string tenant, [AsParameters] ScimServices s)
    {
        await RequireTenantAsync(tenant, s);
        return TypedResults.Ok(new CustomFieldsRequest(await s.Grains.Grain<ITenantGrain>(tenant).GetCustomFieldsAsync()));
    }

    /// <summary>Replaces the tenant's custom user fields; SCIM exposes them as the extension of /Schemas at once.</summary>
    private static async Task<IResult> SetCustomFieldsAsync(string tenant, HttpRequest request, [AsParameters] ScimServices s)
    {
        var body = await s.Bodies.ReadAsync<CustomFieldsRequest>(request);
        if (!TenantIds.IsValid(tenant)) throw ScimException.NotFound($"Tenant '{tenant}' not found.");
        var fields = await s.Grains.Grain<ITenantGrain>(tenant).SetCustomFieldsAsync(body.Fields ?? []);
        return TypedResults.Ok(new CustomFieldsRequest(fields));
    }
}
