using System.Security.Cryptography;
using Scim.Api;
using Scim.Grains;

namespace Scim.Silo.Hosting;

/// <summary>Hosts the Orleans silo next to the API in single-node mode: localhost clustering, in-memory storage.</summary>
public static class SiloHostingExtensions
{
    public static WebApplicationBuilder AddScimSilo(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var siloPort = configuration.GetValue("Orleans:SiloPort", 11111);
        var gatewayPort = configuration.GetValue("Orleans:GatewayPort", 30000);
        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(siloPort, gatewayPort);
            silo.AddScimInMemoryStorage();
        });
        EnsureOperatorKey(configuration);
        builder.Services.AddHostedService<DemoTenantSeeder>();
        return builder;
    }

    /// <summary>With no operator key configured, one is generated for this run; the seeder prints it once.</summary>
    private static void EnsureOperatorKey(ConfigurationManager configuration)
    {
        var key = $"{ScimApiOptions.Section}:{nameof(ScimApiOptions.OperatorKey)}";
        if (!string.IsNullOrWhiteSpace(configuration[key])) return;
        configuration[key] = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        configuration[DemoTenantSeeder.GeneratedKeyFlag] = "true";
    }
}
