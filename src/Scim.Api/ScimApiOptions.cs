namespace Scim.Api;

/// <summary>Settings of the HTTP surface (section "Scim" of the configuration).</summary>
public sealed class ScimApiOptions
{
    public const string Section = "Scim";

    /// <summary>The operator key that opens the admin API (env <c>Scim__OperatorKey</c>).</summary>
    public string OperatorKey { get; set; } = "";

    /// <summary>The public base URL of the service, e.g. https://scim.example.com; when empty, the request's own origin.</summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>The largest request body accepted, in bytes; larger ones get 413.</summary>
    public int MaxRequestBytes { get; set; } = 1024 * 1024;
}
