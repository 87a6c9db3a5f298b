using Scim.Grains.Interfaces.Platform;

namespace Scim.Grains.Platform;

/// <summary>The persistent state of a tenant's single sign-on grain: null settings when the tenant has none.</summary>
[GenerateSerializer, Alias("scim.SingleSignOnState")]
public sealed class SingleSignOnState
{
    [Id(0)] public SsoState? Settings { get; set; }
}
