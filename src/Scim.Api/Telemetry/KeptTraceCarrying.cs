using System.Diagnostics;
using Scim.Grains.Interfaces.Telemetry;

namespace Scim.Api.Telemetry;

/// <summary>
/// A request whose trace is kept carries it into the grain calls it makes (<see cref="CallerTrace"/>); any other request
/// passes untouched, so that the sampled-out majority pays for no span beyond its own unrecorded activity.
/// </summary>
public static class KeptTraceCarrying
{
    public static IApplicationBuilder UseKeptTraceCarrying(this IApplicationBuilder app) =>
        app.Use((http, next) => Activity.Current is { Recorded: true } kept ? CarryingAsync(kept, http, next) : next(http));

    // Async, so that the request context set here ends with the request: a synchronous change would outlive it on the
    // connection's next request.
    private static async Task CarryingAsync(Activity kept, HttpContext http, RequestDelegate next)
    {
        CallerTrace.Carry(kept);
        await next(http);
    }
}
