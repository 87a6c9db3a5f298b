using System.Globalization;

namespace Scim.Api.Telemetry;

/// <summary>
/// The share of incoming requests traced: <c>Telemetry:TraceSampleRatio</c> when set, otherwise what OpenTelemetry's
/// standard variables ask (<c>OTEL_TRACES_SAMPLER</c> and <c>OTEL_TRACES_SAMPLER_ARG</c>, which an operator used to
/// OpenTelemetry sets first), otherwise every request. The service always samples by the caller's trace first and opens
/// traces only for incoming work (<see cref="IncomingWorkSampler"/>), so the variables choose the ratio, not the kind of
/// sampler; one it does not know leaves every request traced, as OpenTelemetry's own default does.
/// </summary>
public static class TraceSampling
{
    public static double Ratio(TelemetryOptions options, IConfiguration configuration) =>
        options.TraceSampleRatio
        ?? configuration["OTEL_TRACES_SAMPLER"]?.Trim().ToLowerInvariant() switch
        {
            "always_off" or "parentbased_always_off" => 0,
            // The specification's default ratio, when the argument is missing or not a number, is 1.
            "traceidratio" or "parentbased_traceidratio" => double.TryParse(configuration["OTEL_TRACES_SAMPLER_ARG"], NumberStyles.Float,
                CultureInfo.InvariantCulture, out var ratio) ? ratio : 1,
            _ => 1,
        };
}
