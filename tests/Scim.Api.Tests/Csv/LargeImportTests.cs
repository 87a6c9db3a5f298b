using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using Scim.Api.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Scim.Api.Tests.Csv;

/// <summary>
/// A 100,000-row users file imported into the service run as operators run it (one process in memory; two silos and an
/// API process on PostgreSQL): checked and applied through the admin API while the memory of the process that holds
/// the file and does the work is watched. The file streams in, and rows go through a batch at a time, so the peak
/// resident memory of the API process on PostgreSQL grows by less than <see cref="ApiProcessBound"/> over the import
/// (measured: about 95 MB); in memory the same process also holds the 100,000 users it stores, so its bound is
/// <see cref="InMemoryBound"/> (measured: about 410 MB).
/// </summary>
public sealed class LargeImportTests(ITestOutputHelper output)
{
    public const int Rows = 100_000;

    /// <summary>Bounds on the working process's peak resident memory above its level before the import.</summary>
    public const long ApiProcessBound = 200L * 1024 * 1024, InMemoryBound = 700L * 1024 * 1024;

    private const string OperatorKey = "large-import-operator-key-0123456789";

    [Fact]
    public async Task AHundredThousandRows_InMemory_AreImported_WithinTheMemoryBound()
    {
        await using var silo = await ServiceProcess.StartAsync("Scim.Silo", new Dictionary<string, string>
        {
            ["Orleans:SiloPort"] = ScimApiFactory.FreePort(),
            ["Orleans:GatewayPort"] = ScimApiFactory.FreePort(),
            ["Scim:OperatorKey"] = OperatorKey,
            ["Scim:DemoTenant"] = "-",
        });
        await ImportAsync(silo, InMemoryBound);
    }

    [Fact]
    public async Task AHundredThousandRows_OnPostgres_AreImported_WithinTheMemoryBound()
    {
        await using var cluster = await ProcessCluster.StartAsync(OperatorKey);
        await ImportAsync(cluster.Api, ApiProcessBound);
    }

    /// <summary>Imports through <paramref name="worker"/>, the process that receives the file and works through it.</summary>
    private async Task ImportAsync(ServiceProcess worker, long bound)
    {
        var tenant = await new ServiceClients(worker.CreateClient, OperatorKey).NewInactiveTenantAsync();
        using var admin = worker.CreateClient();
        admin.Timeout = TimeSpan.FromMinutes(5);
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tenant.AdminKey);
        var before = worker.Memory().Resident;
        worker.ResetPeakMemory();
        var clock = Stopwatch.StartNew();

        var file = new StreamContent(new GeneratedCsv("userName,email,givenName,familyName,active", Rows,
            i => $"user{i:D6}@{tenant.Id}.example,user{i:D6}@{tenant.Id}.example,Given{i},Family{i},true"));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        var jobs = new ImportJobsClient(admin, tenant.Id);
        var (status, started) = await jobs.StartAsync(file, "large.csv");
        Assert.Equal(HttpStatusCode.Accepted, status);
        var id = started!["id"]!.GetValue<string>();
        var checkedJob = await jobs.WaitForAsync(id, "checked", TimeSpan.FromMinutes(10));
        var checkedAfter = clock.Elapsed;
        var done = await jobs.ApplyAsync(id, TimeSpan.FromMinutes(10));
        var appliedIn = clock.Elapsed - checkedAfter;
        var peak = worker.Memory().Peak;

        output.WriteLine($"{Rows} rows: checked in {checkedAfter.TotalSeconds:F1} s, applied in {appliedIn.TotalSeconds:F1} s "
            + $"({Rows / appliedIn.TotalSeconds:F0} rows/s); resident before {before / 1048576} MB, peak {peak / 1048576} MB "
            + $"(+{(peak - before) / 1048576} MB)");
        Assert.Equal(Rows, checkedJob["counts"]!["create"]!.GetValue<int>());
        Assert.Equal("done", done["phase"]!.GetValue<string>());
        Assert.Equal(Rows, done["counts"]!["create"]!.GetValue<int>());
        Assert.True(peak - before < bound, $"The peak resident memory grew by {(peak - before) / 1048576} MB.");
    }
}
