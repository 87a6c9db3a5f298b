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
    [Id(5)] public bool ConnectorEnabled { get; set; }
    [Id(6)] public string? ConnectorAdminEmail { get; set; }
    [Id(7)] public DateTimeOffset? ConnectorEnabledAt { get; set; }
    [Id(8)] public bool Active { get; set; }
    [Id(9)] public DateTimeOffset? ActivatedAt { get; set; }
    [Id(10)] public string? ActivatedBy { get; set; }
    [Id(11)] public string? IdentityProvider { get; set; }
    [Id(12)] public bool SendTemporaryPasswordEmail { get; set; }
}
