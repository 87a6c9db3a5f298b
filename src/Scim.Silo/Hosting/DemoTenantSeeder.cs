using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.Extensions.Options;
using Scim.Api;
using Scim.Api.Auth;
using Scim.Api.Hosting;
using Scim.Api.Http;
using Scim.Grains.Interfaces.Errors;
using Scim.Grains.Mail;
using Scim.Grains.Interfaces.Platform;
using Scim.Grains.Interfaces.References;
using Scim.Grains.Interfaces.Resources;
using Scim.Grains.Interfaces.Tenants;

namespace Scim.Silo.Hosting;

/// <summary>
/// Once the server listens, sets up the demo tenant (config <c>Scim:DemoTenant</c>, default "demo"; an invalid id turns
/// it off) the way a customer's is: an owner, the connector enabled for them, the integration active, and a token; then
/// prints its SCIM endpoint, the token, the owner's admin key and the operator key, so a newcomer can curl the service
/// straight away.
/// </summary>
internal sealed partial class DemoTenantSeeder(
    ILogger<DemoTenantSeeder> logger,
    IHostApplicationLifetime lifetime,
    IServer server,
    IGrainFactory grains,
    IConfiguration configuration,
    IHostEnvironment environment,
    IOptions<ScimApiOptions> options,
    IOptions<MailOptions> mail) : BackgroundService
{
    public const string GeneratedKeyFlag = "Scim:OperatorKeyGenerated";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var tenantId = configuration["Scim:DemoTenant"] ?? "demo";
        if (!TenantIds.IsValid(tenantId)) return;
        if (!await StartedAsync(stoppingToken)) return;
        try
        {
            await SeedAsync(tenantId);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A convenience must not stop the service (a faulted BackgroundService stops its host).
            LogSeedFailed(logger, tenantId, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The demo tenant {Tenant} could not be set up; the service runs without it.")]
    private static partial void LogSeedFailed(ILogger logger, string tenant, Exception exception);

    private async Task SeedAsync(string tenantId)
    {
        var tenant = grains.Grain<ITenantGrain>(tenantId);
        var info = await tenant.GetAsync() ?? await tenant.CreateAsync("Demo platform");
        var ownerEmail = $"owner@{tenantId}.example";
        string? adminKey = null;
        if (!(await tenant.GetConnectorAsync()).Enabled)
        {
            var owner = await CreateOwnerAsync(tenantId, ownerEmail);
            await tenant.EnableConnectorAsync(info.PlatformGroupId, ownerEmail);
            if (owner is not null) adminKey = (await grains.Grain<IAdminKeySetGrain>(tenantId).MintAsync(tenantId, owner.Id)).Key;
        }
        await tenant.ActivateAsync(ownerEmail);
        var token = await grains.Grain<ITokenSetGrain>(tenantId).MintAsync(new TokenRequest("other", "demo token", 0, "demo setup"));
        var origin = ScimEndpointUrls.Origin(options.Value.PublicBaseUrl, server);
        var mailGoes = string.IsNullOrWhiteSpace(mail.Value.Host)
            ? $"written as .eml files to {mail.Value.PickupFolder} (set Scim__Mail__Host to send over SMTP)"
            : $"sent over SMTP to {mail.Value.Host}:{mail.Value.Port}";
        var dashboard = OrleansDashboard.IsOn(configuration, environment)
            ? $"{origin}{OrleansDashboard.Path}/, after the operator console's sign-in"
            : "off (set Telemetry__Dashboard=true)";
        Console.WriteLine($"""

            SCIM service ready.
              Demo tenant endpoint : {origin}/scim/v2/{tenantId}
              Demo tenant token    : {token.Token}
              Owner's admin key    : {adminKey ?? "(issued at the first start)"}   for {origin}/api/v1/tenants/{tenantId}/scim/...
              Operator key         : {(configuration[GeneratedKeyFlag] == "true" ? options.Value.OperatorKey + " (generated for this run; set Scim__OperatorKey to fix it)" : "(as configured)")}
              Mail                 : {mailGoes}
              Web application      : {origin}/t/{tenantId}/ as {ownerEmail}, with the temporary password of the invitation mail
              Operator console     : {origin}/operator, with the operator key
              Orleans dashboard    : {dashboard}
              API reference        : {origin}/docs
              Try: curl -H "Authorization: Bearer {token.Token}" {origin}/scim/v2/{tenantId}/Users

            """);
    }

    /// <summary>The demo owner, or null when an earlier start created it already (it then keeps its keys).</summary>
    private async Task<PlatformUser?> CreateOwnerAsync(string tenantId, string email)
    {
        try
        {
            return await grains.Grain<IUserCreationGrain>(tenantId)
                .CreatePlatformUserAsync($$"""{"userName":"{{email}}","emails":[{"value":"{{email}}","primary":true}]}""", PlatformRole.Owner);
        }
        catch (ScimException e) when (e.ScimType == ScimType.Uniqueness)
        {
            return null;
        }
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
