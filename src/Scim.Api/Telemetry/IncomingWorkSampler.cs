using System.Diagnostics;
using OpenTelemetry.Trace;

namespace Scim.Api.Telemetry;

/// <summary>
/// Traces start at incoming work: a span without a parent is kept only when it is a server span (an HTTP request) or a
/// consumer span (a queued message taken up, such as an e-mail of the outbox), and then at the configured ratio.
/// Background chatter (the outbox's polling, Orleans' membership reads, the dashboard's own calls) would otherwise open
/// a trace of its own every few hundred milliseconds on every silo.
/// </summary>
public sealed class IncomingWorkSampler(double ratio) : Sampler
{
    private readonly TraceIdRatioBasedSampler incoming = new(Math.Clamp(ratio, 0, 1));

    public override SamplingResult ShouldSample(in SamplingParameters samplingParameters) =>
        samplingParameters.Kind is ActivityKind.Server or ActivityKind.Consumer
            ? incoming.ShouldSample(samplingParameters)
            : new SamplingResult(SamplingDecision.Drop);
}
