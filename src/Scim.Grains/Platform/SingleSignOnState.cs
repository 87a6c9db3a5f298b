using Scim.Grains.Interfaces.Platform;

namespace Scim.Grains.Platform;

/// <summary>
/// The persistent state of a tenant's single sign-on grain: null settings when the tenant has none, and the last version
/// given out, which only grows (also across a removal), since processes cache a tenant's options by version.
/// </summary>
[GenerateSerializer, Alias("scim.SingleSignOnState")]
public sealed class SingleSignOnState
{
    [Id(0)] public SsoState? Settings { get; set; }

    [Id(1)] public int LastVersion { get; set; }
}
