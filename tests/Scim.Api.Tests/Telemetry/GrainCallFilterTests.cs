using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Scim.Api.Tests.Infrastructure;
using Scim.Grains.Telemetry;

namespace Scim.Api.Tests.Telemetry;

/// <summary>
/// A process's grain calls stay off Orleans' filtered path for outgoing calls, which costs every call, also when traces
/// are recorded: then only the silo's incoming filter is added, which gives the calls of kept traces their spans.
/// </summary>
public sealed class GrainCallFilterTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task NoOutgoingGrainCallIsFiltered_AndIncomingCallsAreTracedOnlyWhenTracesAreRecorded(bool traces)
    {
        await using ScimApiFactory factory = traces ? new TelemetryApiFactory() : new InMemoryApiFactory();
        _ = factory.Server;

        Assert.Empty(factory.Services.GetServices<IOutgoingGrainCallFilter>());
        Assert.Equal(traces, factory.Services.GetServices<IIncomingGrainCallFilter>().Any(filter => filter is TracedGrainCalls));
    }
}
