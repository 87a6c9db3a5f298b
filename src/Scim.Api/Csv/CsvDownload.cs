using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Scim.Api.Http;

namespace Scim.Api.Csv;

/// <summary>
/// A CSV file of a tenant streamed into the response as it is written, for the admin API (an <see cref="IResult"/>) and
/// the pages (an <see cref="IActionResult"/>). Once the first rows are out the status is sent, so a failure later cuts
/// the file short rather than answering with an error.
/// </summary>
public sealed class CsvDownload : IResult, IActionResult
{
    private delegate Task Writer(IGrainFactory grains, string tenant, string baseUrl, Stream output, CancellationToken cancellationToken);

    private readonly string tenant;
    private readonly string fileName;
    private readonly Writer write;

    private CsvDownload(string tenant, string fileName, Writer write) => (this.tenant, this.fileName, this.write) = (tenant, fileName, write);

    public static CsvDownload Users(string tenant) => new(tenant, $"{tenant}-users.csv", UserCsvExport.WriteAsync);

    public static CsvDownload Groups(string tenant) => new(tenant, $"{tenant}-groups.csv", GroupCsvExport.WriteAsync);

    /// <summary>What an import did (or, before it is applied, would do) with each row of its file.</summary>
    public static CsvDownload ImportReport(string tenant, string jobId) =>
        new(tenant, $"import-{jobId}-report.csv", (grains, _, _, output, cancellationToken) =>
            Csv.ImportReport.WriteAsync(ImportJobs.Job(grains, tenant, jobId), output, cancellationToken));

    public Task ExecuteResultAsync(ActionContext context) => ExecuteAsync(context.HttpContext);

    public async Task ExecuteAsync(HttpContext http)
    {
        var services = http.RequestServices;
        var baseUrl = ScimEndpointUrls.For(tenant, services.GetRequiredService<IOptions<ScimApiOptions>>().Value.PublicBaseUrl,
            services.GetRequiredService<IServer>());
        http.Response.ContentType = CsvFiles.ContentType;
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
        http.Response.Headers.CacheControl = "no-store";
        await write(services.GetRequiredService<IGrainFactory>(), tenant, baseUrl, http.Response.Body, http.RequestAborted);
    }
}
