using Scalar.AspNetCore;

namespace Scim.Api.ApiReference;

/// <summary>The OpenAPI document at <c>/openapi/v1.json</c> and Scalar's reference over it at <c>/docs</c>.</summary>
public static class ApiReferenceEndpoints
{
    public static IServiceCollection AddApiReference(this IServiceCollection services) =>
        services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer<ApiDocumentDescriber>();
            options.AddOperationTransformer<ApiOperationDescriber>();
        });

    public static void MapApiReference(this WebApplication app)
    {
        app.MapOpenApi();
        // The reference's script is served from the package, not a CDN, and no fonts or telemetry are fetched: it works
        // offline and inside a locked-down network.
        app.MapScalarApiReference("/docs", options => options
            .WithTitle("SCIM provisioning service: API reference")
            .DisableDefaultFonts()
            .DisableTelemetry());
    }
}
