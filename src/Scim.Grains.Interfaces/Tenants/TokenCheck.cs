namespace Scim.Grains.Interfaces.Tenants;

/// <summary>
/// The outcome of a token check: the tenant may not exist, the token may be invalid, or it is valid; and whether the
/// tenant's SCIM integration is active (a valid token of an inactive integration gets 403).
/// </summary>
[GenerateSerializer, Immutable, Alias("scim.TokenCheck")]
public sealed record TokenCheck(
    [property: Id(0)] bool TenantExists,
    [property: Id(1)] TokenIdentity? Identity,
    [property: Id(2)] bool IntegrationActive = false);
