using Scim.Api.Auth;
using Scim.Api.Csv;

namespace Scim.Api.Endpoints;

/// <summary>The tenant admin API's CSV files: the users, and the groups with their members and sources, streamed.</summary>
public static class CsvEndpoints
{
    public static void MapCsvEndpoints(this IEndpointRouteBuilder app)
    {
        var csv = app.MapGroup("/api/v1/tenants/{tenant}").RequireAuthorization(ScimAuth.TenantAdminPolicy).WithTags("Tenant admin: CSV")
            .AddEndpointFilter(TenantAdminEndpoints.RequireTenantAsync);
        csv.MapGet("/users.csv", (string tenant) => CsvDownload.Users(tenant)).Produces(StatusCodes.Status200OK, contentType: "text/csv");
        csv.MapGet("/groups.csv", (string tenant) => CsvDownload.Groups(tenant)).Produces(StatusCodes.Status200OK, contentType: "text/csv");
    }
}
