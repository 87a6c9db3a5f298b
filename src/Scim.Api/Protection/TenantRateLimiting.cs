using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Scim.Api.Errors;
using Scim.Api.Telemetry;

namespace Scim.Api.Protection;

/// <summary>
/// ASP.NET Core rate limiting partitioned by the tenant of the route: a flood on one tenant empties only its own
/// bucket (and the sign-in form's own limit, <see cref="SignInRateLimiting"/>). A rejected call gets 429 with Retry-After and a SCIM error body. It runs after authorization, so calls
/// without a valid token never spend a tenant's permits.
/// </summary>
public static class TenantRateLimiting
{
    public const string Policy = "scim-tenant";

    public static IServiceCollection AddTenantRateLimiting(this IServiceCollection services)
    {
        services.AddRateLimiter(limiter =>
        {
            limiter.AddPolicy(Policy, http =>
            {
                var tenant = http.GetRouteValue("tenant")?.ToString() ?? "";
                var limit = http.RequestServices.GetRequiredService<IOptionsMonitor<RateLimitOptions>>().CurrentValue.For(tenant);
                return RateLimitPartition.GetTokenBucketLimiter(tenant, _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = Math.Max(1, limit.Burst),
                    TokensPerPeriod = Math.Max(1, limit.PermitsPerSecond),
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                });
            });
            SignInRateLimiting.Add(limiter);
            limiter.OnRejected = async (context, _) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
                var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
                var http = context.HttpContext;
                http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                var signIn = http.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName == SignInRateLimiting.Policy;
                http.RequestServices.GetRequiredService<ApiMetrics>().RateLimitRejected(signIn ? "sign_in" : "tenant");
                if (signIn)
                    await SignInRateLimiting.RejectAsync(http, seconds);
                else
                    await ScimErrorWriter.WriteAsync(http, StatusCodes.Status429TooManyRequests, null, $"Too many requests for this tenant; retry after {seconds} s.");
            };
        });
        return services;
    }
}
