using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;

namespace Scim.Api.Tests.Infrastructure;

/// <summary>
/// A built host of the service (Scim.Silo or Scim.Api, from the test's own output folder) run as a process of its own
/// on loopback, as operators run them: so that it can be killed as a machine dies, which no in-process host can be.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly ConcurrentQueue<string> output = new();

    private ServiceProcess(string assembly, string url, IReadOnlyDictionary<string, string> settings)
    {
        Url = url;
        var start = new ProcessStartInfo("dotnet", Path.Combine(AppContext.BaseDirectory, assembly + ".dll"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_URLS"] = url;
        start.Environment["DOTNET_ENVIRONMENT"] = start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in settings) start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string Url { get; }

    /// <summary>The last lines the process wrote, for a failing test's message.</summary>
    public string Output => string.Join('\n', output);

    /// <summary>Starts the host and waits until its /readyz answers 200.</summary>
    public static async Task<ServiceProcess> StartAsync(string assembly, IReadOnlyDictionary<string, string> settings)
    {
        var service = new ServiceProcess(assembly, $"http://127.0.0.1:{ScimApiFactory.FreePort()}", settings);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (service.process.HasExited) throw new InvalidOperationException($"{assembly} exited at start:\n{service.Output}");
            try
            {
                if ((await http.GetAsync(service.Url + "/readyz")).StatusCode == HttpStatusCode.OK) return service;
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }
            await Task.Delay(250);
        }
        await service.DisposeAsync();
        throw new TimeoutException($"{assembly} did not become ready:\n{service.Output}");
    }

    public HttpClient CreateClient() => new() { BaseAddress = new Uri(Url), Timeout = TimeSpan.FromSeconds(60) };

    /// <summary>The process's resident memory now and its peak (VmRSS, VmHWM of /proc), in bytes.</summary>
    public (long Resident, long Peak) Memory()
    {
        var status = File.ReadAllLines($"/proc/{process.Id}/status");
        long Kilobytes(string name) => long.Parse(status.Single(l => l.StartsWith(name + ":", StringComparison.Ordinal))
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) * 1024;
        return (Kilobytes("VmRSS"), Kilobytes("VmHWM"));
    }

    /// <summary>Starts the peak of <see cref="Memory"/> again from the memory resident now (Linux: clear_refs 5).</summary>
    public void ResetPeakMemory() => File.WriteAllText($"/proc/{process.Id}/clear_refs", "5");

    /// <summary>Kills the process at once, as a crash or a lost machine would: no shutdown, no goodbye to the cluster.</summary>
    public void Kill() => process.Kill(entireProcessTree: true);

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited) process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null) return;
        output.Enqueue(line);
        while (output.Count > 200) output.TryDequeue(out _);
    }
}
