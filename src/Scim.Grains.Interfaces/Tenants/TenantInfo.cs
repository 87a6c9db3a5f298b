namespace Scim.Grains.Interfaces.Tenants;

/// <summary>A tenant (a customer platform) as the operator API shows it, with the id of its platform group (the root of its group tree).</summary>
[GenerateSerializer, Immutable, Alias("scim.TenantInfo")]
public sealed record TenantInfo(
    [property: Id(0)] string Id,
    [property: Id(1)] string DisplayName,
    [property: Id(2)] DateTimeOffset Created,
    [property: Id(3)] string PlatformGroupId);
