namespace Scim.Grains.Interfaces.Platform;

/// <summary>What an outbox message says: a temporary password for a user the IdP created, or an invitation for a platform user the operator created.</summary>
public enum MailKind { TemporaryPassword, Invitation }
