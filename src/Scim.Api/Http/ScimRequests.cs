using System.Globalization;
using Scim.Grains.Interfaces.Errors;
using Scim.Grains.Interfaces.Resources;
using Scim.Grains.Interfaces.Text;

namespace Scim.Api.Http;

/// <summary>Reads the SCIM parts of an HTTP request: the tenant's base URL, projection and paging parameters.</summary>
public static class ScimRequests
{
    /// <summary>The tenant's SCIM base URL, from the configured public base URL when there is one (never from forwarded headers).</summary>
    public static string TenantBaseUrl(HttpRequest request, ScimApiOptions options, string tenant)
    {
        var origin = string.IsNullOrWhiteSpace(options.PublicBaseUrl)
            ? $"{request.Scheme}://{request.Host}{request.PathBase}"
            : options.PublicBaseUrl.TrimEnd('/');
        return $"{origin}/scim/v2/{tenant}";
    }

    public static RenderOptions Render(HttpRequest request, ScimApiOptions options, string tenant) =>
        new(TenantBaseUrl(request, options, tenant), Query(request, "attributes"), Query(request, "excludedAttributes"));

    public static ListQuery List(HttpRequest request) =>
        new(Query(request, "filter"), Integer(request, "startIndex") ?? 1, Integer(request, "count"), Query(request, "sortBy"), Query(request, "sortOrder"),
            request.Query.ContainsKey("cursor") ? Query(request, "cursor") ?? "" : null);

    /// <summary>A query parameter, or null when absent or blank; text the service does not accept is a 400.</summary>
    public static string? Query(HttpRequest request, string name)
    {
        if (!request.Query.TryGetValue(name, out var values) || string.IsNullOrWhiteSpace(values.ToString())) return null;
        var text = values.ToString();
        if (AcceptedText.FirstRejected(text) is var at and >= 0)
        {
            var detail = $"The query parameter '{name}' holds {AcceptedText.Describe(text, at)}.";
            throw name == "filter" ? ScimException.InvalidFilter(detail) : ScimException.InvalidValue(detail);
        }
        return text;
    }

    /// <summary>Resource ids are GUIDs; anything else cannot exist, so it is a 404 without a grain activation.</summary>
    public static string RequireResourceId(string id, string what) =>
        Guid.TryParse(id, out _) ? id : throw ScimException.NotFound($"{what} '{id}' not found.");

    private static int? Integer(HttpRequest request, string name)
    {
        var text = Query(request, name);
        if (text is null) return null;
        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw ScimException.InvalidValue($"'{name}' must be an integer; got '{text}'.");
    }
}
