using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Scim.Grains.Mail;

/// <summary>Sends over SMTP with MailKit, one connection per message (the outbox sends a few at a time, not bulk mail).</summary>
public sealed class SmtpMailSender(IOptions<MailOptions> options) : IMailSender
{
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var client = new SmtpClient();
        await client.ConnectAsync(settings.Host ?? "", settings.Port, settings.Security switch
        {
            MailSecurity.Ssl => SecureSocketOptions.SslOnConnect,
            MailSecurity.Auto => SecureSocketOptions.StartTlsWhenAvailable,
            MailSecurity.None => SecureSocketOptions.None,
            _ => SecureSocketOptions.StartTls,
        }, cancellationToken);
        if (!string.IsNullOrEmpty(settings.UserName)) await client.AuthenticateAsync(settings.UserName, settings.Password ?? "", cancellationToken);
        try
        {
            await client.SendAsync(message, cancellationToken);
        }
        catch (SmtpCommandException e) when ((int)e.StatusCode >= 500)
        {
            throw new MailRefusedException($"The mail server refused the message: {(int)e.StatusCode} {e.Message}", e);
        }
        await client.DisconnectAsync(quit: true, cancellationToken);
    }
}
