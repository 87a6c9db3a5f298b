namespace Scim.Grains.Interfaces.Platform;

/// <summary>
/// The SCIM integration of a tenant: enabled by the operator (with the connector admin's e-mail), configured and
/// activated by a platform admin. SCIM calls are refused (403) unless it is <see cref="Active"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("scim.ConnectorState")]
public sealed record ConnectorState(
    [property: Id(0)] bool Enabled,
    [property: Id(1)] string? ConnectorAdminEmail,
    [property: Id(2)] DateTimeOffset? EnabledAt,
    [property: Id(3)] bool Active,
    [property: Id(4)] DateTimeOffset? ActivatedAt,
    [property: Id(5)] string? ActivatedBy,
    [property: Id(6)] ScimSettings Settings);
