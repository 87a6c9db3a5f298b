using System.Diagnostics;
using OpenTelemetry.Trace;

namespace Scim.Api.Telemetry;

/// <summary>
/// Traces start at incoming work: a span without a parent is kept only when it is an HTTP request or a consumer span (a
/// queued message taken up, such as an e-mail of the outbox), and then at the configured ratio. Background chatter (the
/// outbox's polling, Orleans' membership reads, the dashboard's own calls) would otherwise open a trace of its own every
/// few hundred milliseconds on every silo. (The grain calls of a request whose trace was not kept open no span at all:
/// only a kept trace is carried into grain calls, see <c>CallerTrace</c>.)
/// </summary>
public sealed class IncomingWorkSampler(double ratio) : Sampler
{
    /// <summary>The name ASP.NET Core gives the activity of an incoming request when it is created.</summary>
    public const string HttpRequest = "Microsoft.AspNetCore.Hosting.HttpRequestIn";

    private readonly TraceIdRatioBasedSampler incoming = new(Math.Clamp(ratio, 0, 1));

    public override SamplingResult ShouldSample(in SamplingParameters samplingParameters) =>
        samplingParameters is { Kind: ActivityKind.Server, Name: HttpRequest } or { Kind: ActivityKind.Consumer }
            ? incoming.ShouldSample(samplingParameters)
            : new SamplingResult(SamplingDecision.Drop);
}
