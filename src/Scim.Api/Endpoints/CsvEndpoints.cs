using Scim.Api.Auth;
using Scim.Api.Csv;
using Scim.Api.Http;
using Scim.Grains.Interfaces.Import;

namespace Scim.Api.Endpoints;

/// <summary>
/// The tenant admin API's CSV files: the users, and the groups with their members and sources, streamed out; and users
/// imported from a file as a job: checked first (nothing changes), applied when asked, with a report.
/// </summary>
public static class CsvEndpoints
{
    public const int Listed = 1000;

    public static void MapCsvEndpoints(this IEndpointRouteBuilder app)
    {
        var csv = app.MapGroup("/api/v1/tenants/{tenant}").RequireAuthorization(ScimAuth.TenantAdminPolicy).WithTags("Tenant admin: CSV")
            .AddEndpointFilter(TenantAdminEndpoints.RequireTenantAsync);
        csv.MapGet("/users.csv", (string tenant) => CsvDownload.Users(tenant)).Produces(StatusCodes.Status200OK, contentType: "text/csv");
        csv.MapGet("/groups.csv", (string tenant) => CsvDownload.Groups(tenant)).Produces(StatusCodes.Status200OK, contentType: "text/csv");
        csv.MapPost("/imports", StartAsync).Accepts<string>("text/csv");
        csv.MapGet("/imports/{id}", async (string tenant, string id, IGrainFactory grains) =>
            TypedResults.Ok(await ViewAsync(ImportJobs.Job(grains, tenant, id))));
        csv.MapPost("/imports/{id}/apply", ApplyAsync).Accepts<ApplyRequest>("application/json");
        csv.MapGet("/imports/{id}/report.csv", (string tenant, string id) => CsvDownload.ImportReport(tenant, id))
            .Produces(StatusCodes.Status200OK, contentType: "text/csv");
    }

    /// <summary>Whether the import sends each user it creates an invitation with a temporary password.</summary>
    public sealed record ApplyRequest(bool Invite = false);

    /// <summary>Starts an import of the body's users file: its rows are checked in the background; 202 with the job.</summary>
    private static async Task<IResult> StartAsync(string tenant, HttpContext http, ImportJobs jobs, string? fileName = null)
    {
        var job = await jobs.StartAsync(tenant, fileName ?? "users.csv", TenantAdminEndpoints.Caller(http), LimitedUpload.BodyOf(http.Request), http.RequestAborted);
        return TypedResults.Accepted($"/api/v1/tenants/{tenant}/imports/{job.Id}", await ViewAsync(ImportJobs.Job(http.RequestServices.GetRequiredService<IGrainFactory>(), tenant, job.Id)));
    }

    private static async Task<IResult> ApplyAsync(string tenant, string id, HttpRequest request, IGrainFactory grains, RequestBodies bodies)
    {
        var body = request.ContentLength is null or 0 ? new ApplyRequest() : await bodies.ReadAsync<ApplyRequest>(request);
        var job = ImportJobs.Job(grains, tenant, id);
        await job.ApplyAsync(body.Invite);
        return TypedResults.Accepted($"/api/v1/tenants/{tenant}/imports/{id}", await ViewAsync(job));
    }

    /// <summary>The job with the first refused rows and the first others of its current phase.</summary>
    public static async Task<object> ViewAsync(IImportJobGrain grain)
    {
        var job = await grain.GetAsync();
        return new
        {
            id = job.Id,
            fileName = job.FileName,
            phase = job.Phase.ToString().ToLowerInvariant(),
            rowsDone = job.RowsDone,
            totalRows = job.TotalRows,
            counts = job.Counts.ToDictionary(c => c.Key.ToString().ToLowerInvariant(), c => c.Value),
            invite = job.Invite,
            error = job.Error,
            refused = (await grain.OutcomesAsync(0, Listed, refusedOnly: true)).Select(View),
            rows = (await grain.OutcomesAsync(0, Listed, refusedOnly: false)).Where(o => o.Action != ImportAction.Refused).Select(View),
        };
    }

    private static object View(ImportOutcome outcome) =>
        new { line = outcome.Line, userName = outcome.UserName, action = outcome.Action.ToString().ToLowerInvariant(), reason = outcome.Reason, userId = outcome.UserId };
}
