namespace Scim.Grains.Interfaces.Resources;

/// <summary>The discovery documents of a tenant (RFC 7644 §4): ServiceProviderConfig, Schemas, ResourceTypes.</summary>
[Alias("scim.IDiscoveryGrain")]
public interface IDiscoveryGrain : IGrainWithStringKey
{
    /// <summary>The ServiceProviderConfig resource (RFC 7643 §5).</summary>
    Task<string> GetServiceProviderConfigAsync(string baseUrl);

    /// <summary>All Schema resources as a ListResponse body (RFC 7643 §7), or one by its URN (404 when unknown).</summary>
    Task<string> GetSchemasAsync(string baseUrl, string? id);

    /// <summary>All ResourceType resources as a ListResponse body (RFC 7643 §6), or one by name (404 when unknown).</summary>
    Task<string> GetResourceTypesAsync(string baseUrl, string? id);
}
