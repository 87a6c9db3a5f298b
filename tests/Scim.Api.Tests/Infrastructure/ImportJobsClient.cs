using System.Net;
using System.Text.Json.Nodes;

namespace Scim.Api.Tests.Infrastructure;

/// <summary>The import jobs of the tenant admin API, with an admin key: start one, wait for a phase, apply it.</summary>
public sealed class ImportJobsClient(HttpClient admin, string tenant)
{
    /// <summary>Starts an import of the file: the job, or the refusal's status and body.</summary>
    public async Task<(HttpStatusCode Status, JsonNode? Body)> StartAsync(HttpContent file, string? fileName = null)
    {
        using var response = await admin.PostAsync($"/api/v1/tenants/{tenant}/imports" + (fileName is null ? "" : $"?fileName={fileName}"), file);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    /// <summary>Reads the job until it reaches <paramref name="phase"/> (or fails, or the time is up).</summary>
    public async Task<JsonNode> WaitForAsync(string id, string phase, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromMinutes(1));
        while (true)
        {
            var job = JsonNode.Parse(await admin.GetStringAsync($"/api/v1/tenants/{tenant}/imports/{id}"))!;
            var now = job["phase"]!.GetValue<string>();
            if (now == phase || now == "failed" || DateTime.UtcNow > deadline) return job;
            await Task.Delay(100);
        }
    }

    public async Task<JsonNode> ApplyAsync(string id, TimeSpan? within = null, bool invite = false)
    {
        using var applied = await admin.PostAsync($"/api/v1/tenants/{tenant}/imports/{id}/apply",
            invite ? new StringContent("""{"invite":true}""", System.Text.Encoding.UTF8, "application/json") : null);
        Assert.Equal(HttpStatusCode.Accepted, applied.StatusCode);
        return await WaitForAsync(id, "done", within);
    }
}
