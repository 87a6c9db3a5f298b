using Microsoft.Extensions.Options;
using MimeKit;
using Scim.Grains.Interfaces.References;

namespace Scim.Grains.Mail;

/// <summary>Writes each message as an .eml file to the pickup folder, for a single node without an SMTP server.</summary>
public sealed class PickupFolderMailSender(IOptions<MailOptions> options) : IMailSender
{
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var folder = options.Value.PickupFolder;
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"{DateTimeOffset.UtcNow:yyyyMMdd-HHmmss}-{RandomIds.NewGuid():N}.eml");
        await message.WriteToAsync(path, cancellationToken);
    }
}
