namespace Scim.Grains.Discovery;

/// <summary>The limits this service provider advertises in its ServiceProviderConfig and enforces.</summary>
public static class ScimLimits
{
    /// <summary>The most resources one list response holds (filter.maxResults); larger counts are capped.</summary>
    public const int MaxResults = 1000;
}
