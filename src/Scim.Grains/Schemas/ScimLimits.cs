namespace Scim.Grains.Schemas;

/// <summary>The limits this service provider advertises in its ServiceProviderConfig and enforces.</summary>
public static class ScimLimits
{
    /// <summary>The most resources one list response holds (filter.maxResults); larger counts are capped.</summary>
    public const int MaxResults = 1000;

    /// <summary>
    /// The longest userName, externalId, displayName and member value, in characters: what PostgreSQL can index
    /// (a btree entry holds at most 2,704 bytes; 512 characters are at most 2,048 bytes of UTF-8, also lowercased).
    /// </summary>
    public const int MaxIndexedLength = 512;

    /// <summary>The most values a multi-valued attribute holds (group members excepted: they are rows of their own).</summary>
    public const int MaxValues = 1000;
}
