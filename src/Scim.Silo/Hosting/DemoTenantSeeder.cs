using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using Scim.Api;
using Scim.Grains.Interfaces.Tenants;

namespace Scim.Silo.Hosting;

/// <summary>
/// Once the server listens, creates the demo tenant (config <c>Scim:DemoTenant</c>, default "demo"; empty turns it
/// off) with a token, and prints its SCIM endpoint, the token and a generated operator key, so a newcomer can curl
/// the service straight away.
/// </summary>
internal sealed class DemoTenantSeeder(
    IHostApplicationLifetime lifetime,
    IServer server,
    IGrainFactory grains,
    IConfiguration configuration,
    IOptions<ScimApiOptions> options) : BackgroundService
{
    public const string GeneratedKeyFlag = "Scim:OperatorKeyGenerated";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var tenantId = configuration["Scim:DemoTenant"] ?? "demo";
        if (!TenantIds.IsValid(tenantId)) return;
        if (!await StartedAsync(stoppingToken)) return;
        var tenant = grains.GetGrain<ITenantGrain>(tenantId);
        if (await tenant.GetAsync() is null) await tenant.CreateAsync("Demo platform");
        var token = await grains.GetGrain<ITokenSetGrain>(tenantId).IssueAsync("other");
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "http://localhost:5000";
        var origin = string.IsNullOrWhiteSpace(options.Value.PublicBaseUrl) ? address.Replace("[::]", "localhost").Replace("0.0.0.0", "localhost") : options.Value.PublicBaseUrl.TrimEnd('/');
        Console.WriteLine($"""

            SCIM service ready.
              Demo tenant endpoint : {origin}/scim/v2/{tenantId}
              Demo tenant token    : {token.Token}
              Operator key         : {(configuration[GeneratedKeyFlag] == "true" ? options.Value.OperatorKey + " (generated for this run; set Scim__OperatorKey to fix it)" : "(as configured)")}
              Try: curl -H "Authorization: Bearer {token.Token}" {origin}/scim/v2/{tenantId}/Users

            """);
    }

    private async Task<bool> StartedAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource();
        using var onStarted = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        using var onStopping = stoppingToken.Register(() => started.TrySetCanceled());
        try
        {
            await started.Task;
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
