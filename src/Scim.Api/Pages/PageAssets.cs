using Microsoft.Extensions.FileProviders;

namespace Scim.Api.Pages;

/// <summary>
/// The pages' style sheet and script, embedded in this assembly and served at <c>/assets</c>: the API ships as a library
/// of the silo, with no web root of its own, and the Content Security Policy allows only files of this origin.
/// </summary>
public static class PageAssets
{
    public const string Path = "/assets";

    public static IApplicationBuilder UsePageAssets(this IApplicationBuilder app) => app.UseStaticFiles(new StaticFileOptions
    {
        RequestPath = Path,
        FileProvider = new EmbeddedFileProvider(typeof(PageAssets).Assembly, "assets"),
        // Revalidated on each use (the ETag answers 304), so a new release's style is seen at once.
        OnPrepareResponse = context => context.Context.Response.Headers.CacheControl = "no-cache",
    });
}
