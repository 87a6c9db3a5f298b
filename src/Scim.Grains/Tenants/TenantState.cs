using Scim.Grains.Interfaces.Tenants;

namespace Scim.Grains.Tenants;

/// <summary>The persistent state of a tenant grain.</summary>
[GenerateSerializer, Alias("scim.TenantState")]
public sealed class TenantState
{
    [Id(0)] public bool Exists { get; set; }
    [Id(1)] public string DisplayName { get; set; } = "";
    [Id(2)] public DateTimeOffset Created { get; set; }
    [Id(3)] public List<CustomField> CustomFields { get; set; } = [];
    [Id(4)] public string PlatformGroupId { get; set; } = "";
}
