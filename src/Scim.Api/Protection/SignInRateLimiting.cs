using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Scim.Api.Protection;

/// <summary>
/// The sign-in form's own limit, per client address and tenant: a fixed window of
/// <see cref="RateLimitOptions.SignInAttemptsPerMinute"/> posts. It slows password guessing across a tenant's accounts,
/// where each account's lockout guards only that account. Reading the form is not limited.
/// </summary>
public static class SignInRateLimiting
{
    public const string Policy = "sign-in";

    public static void Add(RateLimiterOptions limiter) => limiter.AddPolicy(Policy, http =>
    {
        if (!HttpMethods.IsPost(http.Request.Method)) return RateLimitPartition.GetNoLimiter("read");
        var perMinute = http.RequestServices.GetRequiredService<IOptionsMonitor<RateLimitOptions>>().CurrentValue.SignInAttemptsPerMinute;
        var client = $"{http.Connection.RemoteIpAddress}/{http.GetRouteValue("tenant")}";
        return RateLimitPartition.GetFixedWindowLimiter(client, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, perMinute),
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });
    });

    /// <summary>The answer to a refused post: a page, not a SCIM error, since a person reads it.</summary>
    public static Task RejectAsync(HttpContext http, int seconds)
    {
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.ContentType = "text/html; charset=utf-8";
        return http.Response.WriteAsync(
            $"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Too many attempts</title></head><body>" +
            $"<h1>Too many sign-in attempts</h1><p>Too many attempts came from your address. Wait {seconds} seconds, then go back and try again.</p></body></html>");
    }
}
