namespace Scim.Grains.Interfaces.Bulk;

/// <summary>The bulk limits (RFC 7644 §3.7.4) that ServiceProviderConfig advertises and the API enforces with 413.</summary>
public static class BulkLimits
{
    public const int MaxOperations = 1000;

    public const int MaxPayloadBytes = 1024 * 1024;
}
