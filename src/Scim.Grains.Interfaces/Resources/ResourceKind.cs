namespace Scim.Grains.Interfaces.Resources;

/// <summary>The SCIM resource types this service provider serves (RFC 7643 §4 and §4.2).</summary>
[GenerateSerializer, Alias("scim.ResourceKind")]
public enum ResourceKind
{
    User = 0,
    Group = 1,
}
