using Scim.Api.Csv;

namespace Scim.Api.Tests.Csv;

public sealed class ImportRunnerTests
{
    [Fact]
    public void AtStart_FilesAStoppedProcessLeftBehindGo_AndThoseOfJobsStillRunningStay()
    {
        var folder = Directory.CreateTempSubdirectory("scim-imports-").FullName;
        var (old, fresh) = (Path.Combine(folder, "t-old.csv"), Path.Combine(folder, "t-fresh.csv"));
        File.WriteAllText(old, "email\n");
        File.WriteAllText(fresh, "email\n");
        File.SetLastWriteTimeUtc(old, DateTime.UtcNow.AddHours(-7));

        ImportRunner.DeleteLeftovers(folder, DateTime.UtcNow);

        Assert.False(File.Exists(old));
        Assert.True(File.Exists(fresh));
        Directory.Delete(folder, recursive: true);
    }
}
