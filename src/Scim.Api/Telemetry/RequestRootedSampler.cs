using OpenTelemetry.Trace;

namespace Scim.Api.Telemetry;

/// <summary>
/// Traces start at requests: a span without a parent is kept only when it is a server span (an incoming HTTP request),
/// and then at the configured ratio. Background work (the outbox's polling, Orleans' membership reads, the dashboard's
/// own calls) would otherwise open a trace of its own every few hundred milliseconds on every silo.
/// </summary>
public sealed class RequestRootedSampler(double ratio) : Sampler
{
    private readonly TraceIdRatioBasedSampler requests = new(Math.Clamp(ratio, 0, 1));

    public override SamplingResult ShouldSample(in SamplingParameters samplingParameters) =>
        samplingParameters.Kind == System.Diagnostics.ActivityKind.Server
            ? requests.ShouldSample(samplingParameters)
            : new SamplingResult(SamplingDecision.Drop);
}
