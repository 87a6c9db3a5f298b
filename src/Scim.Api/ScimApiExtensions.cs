using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Scim.Api.Auth;
using Scim.Api.Endpoints;
using Scim.Api.Errors;
using Scim.Api.Http;

namespace Scim.Api;

/// <summary>Wires the HTTP surface: SCIM endpoints, operator API, auth, error mapping and OpenAPI.</summary>
public static class ScimApiExtensions
{
    public static IServiceCollection AddScimApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ScimApiOptions>(configuration.GetSection(ScimApiOptions.Section));
        services.AddSingleton<RequestBodies>();
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, ScimTokenHandler>(ScimAuth.TokenScheme, null)
            .AddScheme<AuthenticationSchemeOptions, OperatorKeyHandler>(ScimAuth.OperatorScheme, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(ScimAuth.ProvisionPolicy, p => p.AddAuthenticationSchemes(ScimAuth.TokenScheme).RequireAuthenticatedUser())
            .AddPolicy(ScimAuth.OperatorPolicy, p => p.AddAuthenticationSchemes(ScimAuth.OperatorScheme).RequireAuthenticatedUser());
        services.AddExceptionHandler<ScimExceptionHandler>();
        services.AddProblemDetails();
        services.AddOpenApi();
        services.AddHealthChecks();
        return services;
    }

    public static WebApplication MapScimApi(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapOpenApi();
        app.MapHealthChecks("/healthz");
        app.MapScimEndpoints();
        app.MapAdminEndpoints();
        return app;
    }
}
