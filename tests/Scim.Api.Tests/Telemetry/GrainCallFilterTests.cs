using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Scim.Api.Tests.Infrastructure;
using Scim.Grains.Telemetry;

namespace Scim.Api.Tests.Telemetry;

/// <summary>
/// A process's grain calls stay off Orleans' filtered path for outgoing calls, which costs every call, also when traces
/// are recorded: then the silo's incoming filter gives the calls of kept traces their spans.
/// </summary>
public sealed class GrainCallFilterTests
{
    [Fact]
    public async Task WithoutTraces_NoGrainCallIsFilteredForTracing()
    {
        await using var factory = new InMemoryApiFactory();
        _ = factory.Server;

        Assert.Empty(factory.Services.GetServices<IOutgoingGrainCallFilter>());
        Assert.DoesNotContain(factory.Services.GetServices<IIncomingGrainCallFilter>(), filter => filter is TracedGrainCalls);
    }

    [Fact]
    public async Task WithTraces_OnlyIncomingCallsAreFiltered_ForTheSpansOfKeptTraces()
    {
        await using var factory = new TelemetryApiFactory();
        _ = factory.Server;

        Assert.Empty(factory.Services.GetServices<IOutgoingGrainCallFilter>());
        Assert.Contains(factory.Services.GetServices<IIncomingGrainCallFilter>(), filter => filter is TracedGrainCalls);
    }
}
