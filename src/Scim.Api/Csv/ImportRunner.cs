using System.Diagnostics;
using Scim.Grains.Interfaces.Errors;
using Scim.Grains.Interfaces.Import;
using Scim.Grains.Interfaces.References;
using Scim.Grains.Interfaces.Tenants;

namespace Scim.Api.Csv;

/// <summary>
/// Runs this process's import jobs in the background: checks every row (nothing changes), waits for an
/// admin to apply the job (from any API process, through its grain), applies the rows a batch at a time, and deletes
/// the file. A job nobody applies within <see cref="WaitForApply"/> fails and its file goes; at start, files that a
/// stopped process left behind go too.
/// </summary>
public sealed partial class ImportRunner(ImportJobs jobs, IGrainFactory grains, ILogger<ImportRunner> logger) : BackgroundService
{
    public static readonly TimeSpan WaitForApply = TimeSpan.FromHours(1);
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(500);

    /// <summary>An import file older than this belongs to no job any more: none waits or works that long on one.</summary>
    private static readonly TimeSpan Leftover = TimeSpan.FromHours(6);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        DeleteLeftovers(ImportJobs.Folder, DateTime.UtcNow);
        // Each job runs as soon as it arrives: a job waiting behind another would look to its grain like one whose
        // process stopped. A job works through its file one batch at a time, so a few at once share the service.
        var started = new List<Task>();
        try
        {
            await foreach (var (tenant, jobId, path) in jobs.Queue.ReadAllAsync(stoppingToken))
            {
                started.RemoveAll(t => t.IsCompleted);
                started.Add(Task.Run(async () =>
                {
                    try
                    {
                        await RunAsync(tenant, jobId, path, stoppingToken);
                    }
                    catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                    {
                        // The host stops: the job's grain fails the job once nobody reports for it.
                    }
                    catch (Exception e)
                    {
                        // The job's grain could not be told (the cluster is gone, or the job failed meanwhile): it fails on its own.
                        LogJobFailed(logger, e, tenant, jobId);
                    }
                }, CancellationToken.None));
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        await Task.WhenAll(started);
    }

    private async Task RunAsync(string tenant, string jobId, string path, CancellationToken stoppingToken)
    {
        var job = ImportJobs.Job(grains, tenant, jobId);
        var import = grains.Grain<IUserImportGrain>(tenant);
        try
        {
            await PassAsync(tenant, path, job, import.PreviewAsync, stoppingToken);
            var waited = Stopwatch.StartNew();
            ImportJob current;
            while ((current = await job.HolderAliveAsync()).Phase == ImportPhase.Checked)
            {
                if (waited.Elapsed > WaitForApply)
                {
                    await job.FinishPhaseAsync("Nobody applied the import within an hour: upload the file again.");
                    return;
                }
                await Task.Delay(Poll, stoppingToken);
            }
            if (current.Phase != ImportPhase.Applying) return;
            await PassAsync(tenant, path, job, rows => import.ApplyAsync(rows, current.Invite), stoppingToken);
        }
        catch (ScimException e) when (e.Status < 500)
        {
            await job.FinishPhaseAsync(e.Message);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogJobFailed(logger, e, tenant, jobId);
            await job.FinishPhaseAsync("The import stopped on an error of the service; the rows it did stand. Upload the file again to finish it.");
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>One pass over the file: each batch decided (or applied) by the import grain and reported to the job.</summary>
    private async Task PassAsync(string tenant, string path, IImportJobGrain job,
        Func<IReadOnlyList<ImportRow>, Task<IReadOnlyList<ImportOutcome>>> decide, CancellationToken cancellationToken)
    {
        var fields = await grains.Grain<ITenantGrain>(tenant).GetCustomFieldsAsync();
        await using (var file = File.OpenRead(path))
        {
            await foreach (var batch in ImportBatches.ReadAsync(file, tenant, fields, cancellationToken))
                await job.ReportAsync(batch.With(batch.Rows.Count == 0 ? [] : await decide(batch.Rows)));
        }
        await job.FinishPhaseAsync(null);
    }

    /// <summary>Deletes the import files of <paramref name="folder"/> that no job can still need.</summary>
    public static void DeleteLeftovers(string folder, DateTime now)
    {
        if (!Directory.Exists(folder)) return;
        foreach (var file in new DirectoryInfo(folder).EnumerateFiles("*.csv"))
        {
            if (file.LastWriteTimeUtc > now - Leftover) continue;
            try
            {
                file.Delete();
            }
            catch (IOException)
            {
                // Another process of this machine removes it at the same moment.
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The import {JobId} of tenant {Tenant} failed.")]
    private static partial void LogJobFailed(ILogger logger, Exception exception, string tenant, string jobId);
}
