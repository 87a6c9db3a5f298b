namespace Scim.Grains.Interfaces.Platform;

/// <summary>The latest e-mail owed to a user, as an admin sees it: never the temporary password, only where it stands.</summary>
[GenerateSerializer, Immutable, Alias("scim.MailState")]
public sealed record MailState(
    [property: Id(0)] MailKind Kind,
    [property: Id(1)] MailStatus Status,
    [property: Id(2)] int Attempts,
    [property: Id(3)] DateTimeOffset Queued,
    [property: Id(4)] DateTimeOffset? SentAt,
    [property: Id(5)] DateTimeOffset? FailedAt,
    [property: Id(6)] string? Error);
