namespace Scim.Api.ApiReference;

/// <summary>The three HTTP APIs the reference describes, told apart by their path, each with its security scheme.</summary>
internal enum ApiSurface
{
    Other,
    Scim,
    Operator,
    TenantAdmin,
}

internal static class ApiSurfaces
{
    public const string ScimToken = "scimToken";
    public const string OperatorKey = "operatorKey";
    public const string AdminKey = "adminKey";

    public static ApiSurface Of(string path) =>
        path.StartsWith("/scim/v2/", StringComparison.Ordinal) ? ApiSurface.Scim
        : path.StartsWith("/admin/v1/", StringComparison.Ordinal) ? ApiSurface.Operator
        : path.StartsWith("/api/v1/", StringComparison.Ordinal) ? ApiSurface.TenantAdmin
        : ApiSurface.Other;

    /// <summary>The schemes that open a surface: the platform admin API also takes the operator key.</summary>
    public static string[] SchemesOf(ApiSurface surface) => surface switch
    {
        ApiSurface.Scim => [ScimToken],
        ApiSurface.Operator => [OperatorKey],
        ApiSurface.TenantAdmin => [AdminKey, OperatorKey],
        _ => [],
    };
}
