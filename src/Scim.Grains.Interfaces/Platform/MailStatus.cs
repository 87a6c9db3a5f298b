namespace Scim.Grains.Interfaces.Platform;

/// <summary>Where an outbox message stands.</summary>
public enum MailStatus { Queued, Sent, Failed }
