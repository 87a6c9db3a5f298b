namespace Scim.Grains.Interfaces.Platform;

/// <summary>
/// One SCIM request of a tenant, as the provisioning log keeps it: when, which token (and its identity provider), what
/// was asked and answered, which resource, the names (never the values) of the attributes the request set, and a note
/// on what else it set going (a temporary-password e-mail queued, or why none was).
/// <see cref="Sequence"/> is assigned by the store and orders the log.
/// </summary>
[GenerateSerializer, Immutable, Alias("scim.ProvisioningLogEntry")]
public sealed record ProvisioningLogEntry(
    [property: Id(0)] long Sequence,
    [property: Id(1)] DateTimeOffset Time,
    [property: Id(2)] string? TokenId,
    [property: Id(3)] string? IdentityProvider,
    [property: Id(4)] string Method,
    [property: Id(5)] string Path,
    [property: Id(6)] int Status,
    [property: Id(7)] string? ResourceType,
    [property: Id(8)] string? ResourceId,
    [property: Id(9)] IReadOnlyList<string> Attributes,
    [property: Id(10)] string? Note = null);

/// <summary>
/// Which log entries to read, newest first: a time range (from inclusive, to exclusive), a status (exact, or a class
/// such as 4xx as <see cref="StatusFrom"/>..<see cref="StatusTo"/>), a resource id, a resource type (User, Group,
/// Bulk), an identity provider, and the page (before a sequence).
/// </summary>
[GenerateSerializer, Immutable, Alias("scim.LogQuery")]
public sealed record LogQuery(
    [property: Id(0)] DateTimeOffset? From,
    [property: Id(1)] DateTimeOffset? To,
    [property: Id(2)] int? StatusFrom,
    [property: Id(3)] int? StatusTo,
    [property: Id(4)] string? ResourceId,
    [property: Id(5)] long? Before,
    [property: Id(6)] int Count,
    [property: Id(7)] string? ResourceType = null,
    [property: Id(8)] string? IdentityProvider = null);

/// <summary>A page of the log, newest first; <see cref="Next"/> continues it (pass it as <c>before</c>).</summary>
[GenerateSerializer, Immutable, Alias("scim.LogPage")]
public sealed record LogPage([property: Id(0)] IReadOnlyList<ProvisioningLogEntry> Entries, [property: Id(1)] long? Next);
