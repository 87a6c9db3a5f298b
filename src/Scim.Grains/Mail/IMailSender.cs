using MimeKit;

namespace Scim.Grains.Mail;

/// <summary>Sends one message. A refusal that no retry cures throws <see cref="MailRefusedException"/>; any other failure is worth retrying.</summary>
public interface IMailSender
{
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}
