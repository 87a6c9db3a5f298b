namespace Scim.Grains.Platform;

/// <summary>Settings of the provisioning log (section "Scim:ProvisioningLog").</summary>
public sealed class ProvisioningLogOptions
{
    public const string Section = "Scim:ProvisioningLog";

    /// <summary>How many days entries are kept (env <c>Scim__ProvisioningLog__RetentionDays</c>).</summary>
    public int RetentionDays { get; set; } = 30;
}
