namespace Scim.Grains.Platform;

/// <summary>The persistent state of an admin key set grain: the keys' hashes, never their secrets.</summary>
[GenerateSerializer, Alias("scim.AdminKeySetState")]
public sealed class AdminKeySetState
{
    [Id(0)] public List<AdminKeyRecord> Keys { get; set; } = [];
}

/// <summary>A stored admin key: its id, the SHA-256 of its secret, the user it belongs to.</summary>
[GenerateSerializer, Immutable, Alias("scim.AdminKeyRecord")]
public sealed record AdminKeyRecord(
    [property: Id(0)] string Id,
    [property: Id(1)] byte[] SecretHash,
    [property: Id(2)] string UserId,
    [property: Id(3)] DateTimeOffset Created,
    [property: Id(4)] DateTimeOffset? Revoked);
