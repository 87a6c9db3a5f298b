namespace Scim.Grains.Interfaces.Resources;

/// <summary>
/// How a resource is rendered for one request: the tenant's SCIM base URL (for <c>meta.location</c> and
/// member <c>$ref</c>s) and the RFC 7644 §3.9 <c>attributes</c> / <c>excludedAttributes</c> parameters, as sent.
/// </summary>
[GenerateSerializer, Immutable, Alias("scim.RenderOptions")]
public sealed record RenderOptions(
    [property: Id(0)] string BaseUrl,
    [property: Id(1)] string? Attributes = null,
    [property: Id(2)] string? ExcludedAttributes = null);
