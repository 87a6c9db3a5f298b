namespace Scim.Grains.Documents;

/// <summary>Where an outbox message stands.</summary>
public enum MailStatus { Queued, Sent, Failed }
