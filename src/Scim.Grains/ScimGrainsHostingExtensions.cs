using Orleans.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Scim.Grains.Storage;

namespace Scim.Grains;

/// <summary>Registers the grains' services on a silo.</summary>
public static class ScimGrainsHostingExtensions
{
    /// <summary>Single-node storage: resources in process memory, small grain state in Orleans memory storage.</summary>
    public static ISiloBuilder AddScimInMemoryStorage(this ISiloBuilder silo)
    {
        silo.Services.TryAddSingleton<IResourceStore, InMemoryResourceStore>();
        silo.Services.TryAddSingleton(TimeProvider.System);
        return silo.AddMemoryGrainStorage(ScimStorage.Name);
    }
}
