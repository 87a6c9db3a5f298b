namespace Scim.Api.Http;

/// <summary>
/// Endpoint metadata: the resource type a SCIM endpoint acts on, as the provisioning log records it. Declared where the
/// endpoint is mapped, so the log does not read it back out of the path, and known even for a request refused before
/// its endpoint ran (an inactive integration, a rate limit).
/// </summary>
public sealed record LoggedResourceType(string Name);
