using System.Diagnostics;
using OpenTelemetry.Trace;
using Scim.Api.Telemetry;

namespace Scim.Api.Tests.Telemetry;

/// <summary>Which spans may open a trace: incoming HTTP requests and taken-up messages, nothing else.</summary>
public sealed class IncomingWorkSamplerTests
{
    private static SamplingDecision Decide(double ratio, ActivityKind kind, string name) =>
        new IncomingWorkSampler(ratio).ShouldSample(new SamplingParameters(default, ActivityTraceId.CreateRandom(), name, kind)).Decision;

    [Theory]
    [InlineData(ActivityKind.Server, IncomingWorkSampler.HttpRequest, SamplingDecision.RecordAndSample)]
    [InlineData(ActivityKind.Consumer, "outbox send", SamplingDecision.RecordAndSample)]
    [InlineData(ActivityKind.Server, "IUserCreationGrain/CreateAsync", SamplingDecision.Drop)]
    [InlineData(ActivityKind.Client, "postgresql", SamplingDecision.Drop)]
    [InlineData(ActivityKind.Client, "ITenantGrain/GetAsync", SamplingDecision.Drop)]
    [InlineData(ActivityKind.Internal, "anything", SamplingDecision.Drop)]
    public void ARootSpan_OpensATraceOnlyForIncomingWork(ActivityKind kind, string name, SamplingDecision expected) =>
        Assert.Equal(expected, Decide(1.0, kind, name));

    [Fact]
    public void IncomingWork_IsKeptAtTheConfiguredRatio()
    {
        Assert.Equal(SamplingDecision.Drop, Decide(0, ActivityKind.Server, IncomingWorkSampler.HttpRequest));
        var kept = Enumerable.Range(0, 4000).Count(_ => Decide(0.25, ActivityKind.Server, IncomingWorkSampler.HttpRequest) == SamplingDecision.RecordAndSample);
        Assert.InRange(kept, 800, 1200);
    }
}
