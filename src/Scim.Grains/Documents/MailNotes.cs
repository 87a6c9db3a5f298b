using System.Globalization;
using Scim.Grains.Interfaces.Platform;

namespace Scim.Grains.Documents;

/// <summary>
/// What the provisioning log says about a create's e-mail: at the create, that it was queued or why there is none; when
/// the log is read, where the user's newest mail stands by then.
/// </summary>
public static class MailNotes
{
    public const string Queued = "Temporary-password e-mail queued.";
    public const string PasswordFromIdentityProvider = "No temporary-password e-mail: the identity provider set a password.";
    public const string NoAddress = "No temporary-password e-mail: the user has no e-mail address.";

    public static string Of(MailState mail)
    {
        var what = mail.Kind == MailKind.Invitation ? "Invitation e-mail" : "Temporary-password e-mail";
        return mail.Status switch
        {
            MailStatus.Sent => $"{what} sent {Time(mail.SentAt)}.",
            MailStatus.Failed => $"{what} failed {Time(mail.FailedAt)}: {mail.Error}",
            _ when mail.Error is not null => $"{what} queued; attempt {mail.Attempts} failed: {mail.Error}",
            _ => $"{what} queued.",
        };
    }

    private static string Time(DateTimeOffset? time) => time?.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture) ?? "";
}
