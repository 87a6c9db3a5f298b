using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Scim.Api.Tests.Infrastructure;

namespace Scim.Api.Tests.Telemetry;

/// <summary>
/// A process's grain calls stay off Orleans' filtered path, which costs every call, unless traces are recorded: then
/// Orleans' activity propagation carries the caller's trace into the silo.
/// </summary>
public sealed class GrainCallFilterTests
{
    [Fact]
    public async Task WithoutTraces_NoOutgoingGrainCallIsFiltered()
    {
        await using var factory = new InMemoryApiFactory();
        _ = factory.Server;

        Assert.Empty(factory.Services.GetServices<IOutgoingGrainCallFilter>());
    }

    [Fact]
    public async Task WithTraces_OutgoingGrainCallsCarryTheCallersTrace()
    {
        await using var factory = new TelemetryApiFactory();
        _ = factory.Server;

        Assert.Contains(factory.Services.GetServices<IOutgoingGrainCallFilter>(), filter => filter.GetType().Name.Contains("ActivityPropagation", StringComparison.Ordinal));
    }
}
