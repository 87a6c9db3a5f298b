namespace Scim.Api.Telemetry;

/// <summary>The SCIM operation a request is, named from its method and the route it matched, as metrics label it.</summary>
public static class ScimOperations
{
    private static readonly string[] DiscoveryRoutes = ["/ServiceProviderConfig", "/Schemas", "/ResourceTypes"];

    /// <summary>
    /// create, get, list, replace, patch, delete, search, bulk, discovery, me (always refused); "unmatched" for a path no
    /// SCIM endpoint has and "other" for a method the route does not serve. The API reference describes each the same way.
    /// </summary>
    public static string Of(string method, string? route)
    {
        if (route is null || route.Contains("{**", StringComparison.Ordinal)) return "unmatched";
        if (route.EndsWith("/.search", StringComparison.Ordinal)) return "search";
        if (route.EndsWith("/Bulk", StringComparison.Ordinal)) return "bulk";
        if (route.EndsWith("/Me", StringComparison.Ordinal)) return "me";
        if (DiscoveryRoutes.Any(d => route.Contains(d, StringComparison.Ordinal))) return "discovery";
        var item = route.EndsWith("/{id}", StringComparison.Ordinal);
        return method switch
        {
            "GET" => item ? "get" : "list",
            "POST" when !item => "create",
            "PUT" when item => "replace",
            "PATCH" when item => "patch",
            "DELETE" when item => "delete",
            _ => "other",
        };
    }
}
