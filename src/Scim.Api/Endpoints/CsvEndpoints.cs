using Scim.Api.Auth;
using Scim.Api.Csv;
using Scim.Grains.Interfaces.Import;

namespace Scim.Api.Endpoints;

/// <summary>
/// The tenant admin API's CSV files: the users, and the groups with their members and sources, streamed out; a users
/// file's import previewed.
/// </summary>
public static class CsvEndpoints
{
    public static void MapCsvEndpoints(this IEndpointRouteBuilder app)
    {
        var csv = app.MapGroup("/api/v1/tenants/{tenant}").RequireAuthorization(ScimAuth.TenantAdminPolicy).WithTags("Tenant admin: CSV")
            .AddEndpointFilter(TenantAdminEndpoints.RequireTenantAsync);
        csv.MapGet("/users.csv", (string tenant) => CsvDownload.Users(tenant)).Produces(StatusCodes.Status200OK, contentType: "text/csv");
        csv.MapGet("/groups.csv", (string tenant) => CsvDownload.Groups(tenant)).Produces(StatusCodes.Status200OK, contentType: "text/csv");
        csv.MapPost("/imports/preview", PreviewAsync).Accepts<string>("text/csv");
    }

    /// <summary>What importing the users file of the body would do, row by row; nothing changes.</summary>
    private static async Task<IResult> PreviewAsync(string tenant, HttpRequest request, IGrainFactory grains)
    {
        var preview = await ImportPreview.OfAsync(grains, tenant, LimitedUpload.Of(request), request.HttpContext.RequestAborted);
        return TypedResults.Ok(new
        {
            counts = preview.Counts,
            refused = preview.Refused.Select(View),
            rows = preview.Rows.Select(View),
            truncated = preview.Truncated,
        });
    }

    private static object View(ImportOutcome outcome) =>
        new { line = outcome.Line, userName = outcome.UserName, action = outcome.Action.ToString().ToLowerInvariant(), reason = outcome.Reason, userId = outcome.UserId };
}
