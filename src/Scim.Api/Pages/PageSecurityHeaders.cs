using Microsoft.AspNetCore.Mvc.Filters;

namespace Scim.Api.Pages;

/// <summary>
/// The headers every page answers with: a Content Security Policy that runs only this origin's script and style files
/// (no inline script, no third-party file), no framing, and no caching of pages that may show a secret once.
/// </summary>
public sealed class PageSecurityHeaders : IAlwaysRunResultFilter
{
    private const string Policy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    public void OnResultExecuting(ResultExecutingContext context)
    {
        var headers = context.HttpContext.Response.Headers;
        headers.ContentSecurityPolicy = Policy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "same-origin";
        headers.CacheControl = "no-store";
    }

    public void OnResultExecuted(ResultExecutedContext context)
    {
    }
}
