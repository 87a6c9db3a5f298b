namespace Scim.Grains.Interfaces.Tenants;

/// <summary>The outcome of a token check: the tenant may not exist, the token may be invalid, or it is valid.</summary>
[GenerateSerializer, Immutable, Alias("scim.TokenCheck")]
public sealed record TokenCheck(
    [property: Id(0)] bool TenantExists,
    [property: Id(1)] TokenIdentity? Identity);
