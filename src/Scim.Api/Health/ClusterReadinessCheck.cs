using Microsoft.Extensions.Diagnostics.HealthChecks;
using Scim.Grains.Interfaces.Health;

namespace Scim.Api.Health;

/// <summary>Ready when a silo answers through the cluster and its database answers the silo.</summary>
internal sealed class ClusterReadinessCheck(IClusterClient cluster) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await cluster.GetGrain<IReadinessGrain>(0).CheckAsync().WaitAsync(TimeSpan.FromSeconds(5), cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy(e.Message);
        }
    }
}
