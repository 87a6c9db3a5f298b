using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Scim.Api.ApiReference;
using Scim.Api.Auth;
using Scim.Api.Csv;
using Scim.Api.Endpoints;
using Scim.Api.Errors;
using Scim.Api.Health;
using Scim.Api.Protection;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Scim.Api.Http;
using Scim.Api.Pages;
using Scim.Api.ProvisioningLog;
using Scim.Api.Telemetry;
using Scim.Api.SingleSignOn;
using Scim.Api.Hosting;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Scim.Api;

/// <summary>Wires the HTTP surface: SCIM endpoints, operator API, auth, error mapping and OpenAPI.</summary>
public static class ScimApiExtensions
{
    private const string ReadyTag = "ready";

    /// <summary>
    /// One name for every process, so a silo and an API replica (different programs, different folders) open each other's
    /// cookies and protected secrets with the shared key ring.
    /// </summary>
    private const string DataProtectionApplication = "scim-service";

    /// <summary>
    /// The longest path and query a request may have: a filter of the longest length fits even when every character
    /// is a three-byte one, percent-encoded (9 characters each).
    /// </summary>
    private const int LongestTarget = 48 * 1024;

    public static IServiceCollection AddScimApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ScimApiOptions>(configuration.GetSection(ScimApiOptions.Section));
        services.Configure<RateLimitOptions>(configuration.GetSection(RateLimitOptions.Section));
        services.AddTenantRateLimiting();
        services.AddSingleton<RequestBodies>();
        services.AddSingleton<KnownTenants>();
        services.AddSingleton<TokenCheckCache>();
        services.AddSingleton<TokenChanges>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ProvisioningLogQueue>();
        services.AddHostedService<ProvisioningLogWriter>();
        services.AddSingleton<ImportJobs>();
        services.AddHostedService<ImportRunner>();
        // ASP.NET Core's "Request starting/finished" lines carry the whole URL: a SCIM filter's values and an identity
        // provider's authorization code would land in every log. The provisioning log, metrics and traces (which redact
        // query values) tell what came in. The OpenID Connect handler's debug lines quote the redirect with its state.
        services.AddLogging(logging => logging
            .AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning)
            .AddFilter(typeof(TenantOidcHandler).FullName, LogLevel.Information));
        services.AddDataProtection().SetApplicationName(DataProtectionApplication);
        if (ClusterSettings.From(configuration) is { UsesPostgres: true } cluster)
            services.Configure<KeyManagementOptions>(options => options.XmlRepository = new PostgresKeyRepository(cluster.ConnectionString!));
        services.AddSingleton<SsoClientSecrets>();
        services.AddSingleton<TenantOidcOptions>();
        services.AddScoped<TenantSsoRequests>();
        services.AddAuthentication()
            .AddScheme<OpenIdConnectOptions, TenantOidcHandler>(TenantSso.Scheme, null)
            .AddScheme<AuthenticationSchemeOptions, ScimTokenHandler>(ScimAuth.TokenScheme, null)
            .AddScheme<AuthenticationSchemeOptions, OperatorKeyHandler>(ScimAuth.OperatorScheme, null)
            .AddScheme<AuthenticationSchemeOptions, AdminKeyHandler>(ScimAuth.AdminKeyScheme, null)
            .AddCookie(PlatformSessions.Scheme, PlatformSessions.Configure)
            .AddCookie(OperatorSessions.Scheme, OperatorSessions.Configure)
            .AddPolicyScheme(ScimAuth.TenantAdminScheme, null, options => options.ForwardDefaultSelector = context =>
                ScimAuth.BearerToken(context.Request.Headers.Authorization) is { } key
                && OperatorKeys.Matches(key, context.RequestServices.GetRequiredService<IOptions<ScimApiOptions>>().Value.OperatorKey)
                    ? ScimAuth.OperatorScheme
                    : ScimAuth.AdminKeyScheme)
            .AddPolicyScheme(ScimAuth.OperatorViewsScheme, null, options => options.ForwardDefaultSelector = context =>
                ScimAuth.BearerToken(context.Request.Headers.Authorization) is null ? OperatorSessions.Scheme : ScimAuth.OperatorScheme);
        services.Replace(ServiceDescriptor.Singleton<IAuthenticationSchemeProvider, TenantSsoSchemes>());
        services.AddSingleton<IPostConfigureOptions<CookieAuthenticationOptions>, SecureCookies>();
        services.AddSingleton<IPostConfigureOptions<AntiforgeryOptions>, SecureCookies>();
        services.AddAuthorizationBuilder()
            .AddPolicy(ScimAuth.ProvisionPolicy, p => p.AddAuthenticationSchemes(ScimAuth.TokenScheme).RequireAuthenticatedUser())
            .AddPolicy(ScimAuth.OperatorPolicy, p => p.AddAuthenticationSchemes(ScimAuth.OperatorScheme).RequireAuthenticatedUser())
            .AddPolicy(ScimAuth.TenantAdminPolicy, p => p.AddAuthenticationSchemes(ScimAuth.TenantAdminScheme).RequireAuthenticatedUser())
            .AddPolicy(ScimAuth.OperatorViewsPolicy, p => p.AddAuthenticationSchemes(ScimAuth.OperatorViewsScheme).RequireAuthenticatedUser())
            .AddPolicy(OperatorSessions.Policy, p => p.AddAuthenticationSchemes(OperatorSessions.Scheme).RequireAuthenticatedUser())
            .AddPolicy(PlatformSessions.Policy, p => p.AddAuthenticationSchemes(PlatformSessions.Scheme).RequireAuthenticatedUser()
                .RequireAssertion(context => context.Resource is HttpContext http && PlatformSessions.IsFor(context.User, http.GetRouteValue("tenant") as string)));
        services.AddRazorPages().AddApplicationPart(typeof(ScimApiExtensions).Assembly)
            .AddMvcOptions(options => options.Filters.Add(new PageSecurityHeaders()));
        services.AddExceptionHandler<ScimExceptionHandler>();
        // A parameter that does not bind (count=abc) throws into the exception handler, which answers a SCIM error.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        // Kestrel answers an over-long request line itself, with no body; let long URLs through to a SCIM 414 instead.
        services.Configure<KestrelServerOptions>(options => options.Limits.MaxRequestLineSize = 2 * LongestTarget);
        services.AddProblemDetails();
        services.AddApiReference();
        services.AddHealthChecks().AddCheck<ClusterReadinessCheck>("cluster", tags: [ReadyTag]);
        return services;
    }

    public static WebApplication MapScimApi(this WebApplication app)
    {
        if (ScimTelemetry.RecordsTraces(app.Configuration)) app.UseKeptTraceCarrying();
        app.UseMiddleware<ScimRequestMetering>();
        app.UseMiddleware<ProvisioningLogMiddleware>();
        app.UseExceptionHandler();
        app.UseStatusCodePages(ScimErrorWriter.WriteForBareStatusAsync);
        app.Use((http, next) => (http.Request.Path.Value?.Length ?? 0) + (http.Request.QueryString.Value?.Length ?? 0) > LongestTarget
            ? ScimErrorWriter.WriteAsync(http, StatusCodes.Status414UriTooLong, null, $"The request URL is longer than {LongestTarget} characters; send long queries as POST .search.")
            : next(http));
        app.UsePageAssets();
        app.UseMiddleware<TenantSsoMiddleware>();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.MapApiReference();
        // Live: the process serves HTTP. Ready: a silo and the database answer through the cluster.
        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) });
        app.MapScimEndpoints();
        app.MapOperatorTenantEndpoints();
        app.MapOperatorGroupEndpoints();
        app.MapOperatorConnectorEndpoints();
        app.MapTenantAdminEndpoints();
        app.MapSingleSignOnEndpoints();
        app.MapCsvEndpoints();
        app.MapOperationsEndpoints();
        app.MapRazorPages();
        return app;
    }
}
