namespace Scim.Grains.Tenants;

/// <summary>
/// A stored token: never the secret, only its SHA-256 hash. A token replaced by a newer one of its identity provider is
/// superseded and keeps working until <see cref="RetiresAt"/>; a revoked one stops at once. Records are kept, so lists
/// show the history.
/// </summary>
[GenerateSerializer, Immutable, Alias("scim.TokenRecord")]
public sealed record TokenRecord(
    [property: Id(0)] string Id,
    [property: Id(1)] byte[] SecretHash,
    [property: Id(2)] string IdentityProvider,
    [property: Id(3)] DateTimeOffset Created)
{
    [Id(4)] public string Name { get; init; } = "";
    [Id(5)] public string CreatedBy { get; init; } = "";
    [Id(6)] public DateTimeOffset? SupersededAt { get; init; }
    [Id(7)] public DateTimeOffset? RetiresAt { get; init; }
    [Id(8)] public DateTimeOffset? RevokedAt { get; init; }
    [Id(9)] public DateTimeOffset? LastUsed { get; init; }

    public bool IsActive => RevokedAt is null && SupersededAt is null;

    public bool WorksAt(DateTimeOffset now) => RevokedAt is null && (SupersededAt is null || RetiresAt > now);

    public string StateAt(DateTimeOffset now) =>
        RevokedAt is not null ? "revoked" : SupersededAt is null ? "active" : RetiresAt > now ? "retiring" : "superseded";
}
