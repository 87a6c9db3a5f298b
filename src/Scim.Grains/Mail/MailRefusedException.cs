namespace Scim.Grains.Mail;

/// <summary>The mail server refused a message for good (an unknown mailbox, a rejected sender): it is not retried.</summary>
public sealed class MailRefusedException(string message, Exception? inner = null) : Exception(message, inner);
