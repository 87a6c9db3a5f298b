using System.Threading.Channels;
using Scim.Grains.Interfaces.Errors;
using Scim.Grains.Interfaces.Import;
using Scim.Grains.Interfaces.References;
using Scim.Grains.Interfaces.Resources;
using Scim.Grains.Interfaces.Tenants;

namespace Scim.Api.Csv;

/// <summary>
/// Starts CSV imports, from the API or a page: the upload is saved to a file of this process (streamed, refused past
/// <see cref="LimitedUpload.MaxImportBytes"/>), its header checked at once so a file that is not a users CSV is refused
/// in the answer, and the job queued for <see cref="ImportRunner"/>. The job's state lives in its grain, so any API process can show it.
/// </summary>
public sealed class ImportJobs(IGrainFactory grains)
{
    /// <summary>This process, as a job's holder: the one with the file.</summary>
    public static readonly string Holder = $"{Environment.MachineName}/{Environment.ProcessId}";

    public static readonly string Folder = Path.Combine(Path.GetTempPath(), "scim-imports");

    private readonly Channel<(string Tenant, string JobId, string Path)> queue = Channel.CreateUnbounded<(string, string, string)>();

    public ChannelReader<(string Tenant, string JobId, string Path)> Queue => queue.Reader;

    public static IImportJobGrain Job(IGrainFactory grains, string tenant, string jobId) => grains.Grain<IImportJobGrain>(ResourceKeys.Of(tenant, jobId));

    public async Task<ImportJob> StartAsync(string tenant, string fileName, string startedBy, Stream upload, CancellationToken cancellationToken)
    {
        var jobId = RandomIds.NewGuid().ToString("N");
        Directory.CreateDirectory(Folder);
        var path = Path.Combine(Folder, $"{tenant}-{jobId}.csv");
        try
        {
            await using (var file = File.Create(path)) await new LimitedUpload(upload, LimitedUpload.MaxImportBytes).CopyToAsync(file, cancellationToken);
            await CheckHeaderAsync(tenant, path, cancellationToken);
        }
        catch
        {
            File.Delete(path);
            throw;
        }
        var job = await Job(grains, tenant, jobId).StartAsync(Path.GetFileName(fileName), startedBy, Holder);
        await queue.Writer.WriteAsync((tenant, jobId, path), cancellationToken);
        return job;
    }

    private async Task CheckHeaderAsync(string tenant, string path, CancellationToken cancellationToken)
    {
        var fields = await grains.Grain<ITenantGrain>(tenant).GetCustomFieldsAsync();
        await using var file = File.OpenRead(path);
        await using var rows = UserCsvReader.ReadAsync(file, tenant, fields, cancellationToken).GetAsyncEnumerator(cancellationToken);
        if (!await rows.MoveNextAsync()) throw ScimException.InvalidValue("The file has a header but no user: add a line per user.");
    }
}
