using Microsoft.AspNetCore.Diagnostics;
using Scim.Grains.Interfaces.Errors;

namespace Scim.Api.Errors;

/// <summary>
/// The one place that turns exceptions into HTTP responses: a <see cref="ScimException"/> becomes its SCIM error;
/// a rejected request (e.g. a body over Kestrel's limit) keeps its status; a failure a retry can cure is a 503 with
/// Retry-After; anything else is a logged, generic 500.
/// </summary>
internal sealed partial class ScimExceptionHandler(ILogger<ScimExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        switch (ScimErrorOf(exception) ?? exception)
        {
            case ScimException scim:
                await ScimErrorWriter.WriteAsync(context, scim.Status, scim.ScimType, scim.Detail);
                return true;
            case BadHttpRequestException bad:
                await ScimErrorWriter.WriteAsync(context, bad.StatusCode, bad.StatusCode == 400 ? ScimType.InvalidSyntax : null, bad.Message);
                return true;
            case var transient when TransientFailures.IsTransient(transient):
                LogTransient(logger, context.Request.Method, context.Request.Path, transient.GetType().Name, transient.Message);
                await ScimErrorWriter.WriteAsync(context, 503, null, "The service is briefly unavailable (a node of the cluster is restarting or unreachable); retry after the time in Retry-After.");
                return true;
            default:
                LogUnhandled(logger, exception, context.Request.Method, context.Request.Path);
                await ScimErrorWriter.WriteAsync(context, 500, null, "An internal error occurred.");
                return true;
        }
    }

    /// <summary>A SCIM error that Orleans delivered wrapped (e.g. one raised while a grain's state was being read).</summary>
    private static ScimException? ScimErrorOf(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            if (e is ScimException scim) return scim;
        }
        return null;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Method} {Path} answered 503: {Failure}: {Message}")]
    private static partial void LogTransient(ILogger logger, string method, string path, string failure, string message);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled error on {Method} {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string method, string path);
}
