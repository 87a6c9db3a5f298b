using Scim.Grains.Interfaces.Platform;
using Scim.Grains.Interfaces.References;

namespace Scim.Grains.Documents;

/// <summary>
/// An e-mail the service owes a user, stored with the write that makes it owed (DESIGN §7). It holds no secret: a
/// temporary password is made when the message is sent, so a retry sends a fresh one.
/// </summary>
public sealed record OutboxMessage(string Tenant, string Id, string UserId, MailKind Kind, DateTimeOffset Created)
{
    /// <summary>How many times a dispatcher has claimed it, this claim included.</summary>
    public int Attempts { get; init; }

    /// <summary>A message owed from now on, under an id of its own.</summary>
    public static OutboxMessage New(string tenant, string userId, MailKind kind, DateTimeOffset now) =>
        new(tenant, RandomIds.NewGuid().ToString("N"), userId, kind, now);
}
