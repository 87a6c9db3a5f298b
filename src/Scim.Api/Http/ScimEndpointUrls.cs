using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Scim.Api.Http;

/// <summary>The service's public origin, and the SCIM endpoint URL an identity provider is given for a tenant.</summary>
public static class ScimEndpointUrls
{
    /// <summary>The configured public base URL, else the address this server listens on; never from request headers.</summary>
    public static string Origin(string? publicBaseUrl, IServer server) =>
        (string.IsNullOrWhiteSpace(publicBaseUrl)
            ? (server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "http://localhost").Replace("[::]", "localhost").Replace("0.0.0.0", "localhost")
            : publicBaseUrl).TrimEnd('/');

    public static string For(string tenant, string? publicBaseUrl, IServer server) => $"{Origin(publicBaseUrl, server)}/scim/v2/{tenant}";
}
