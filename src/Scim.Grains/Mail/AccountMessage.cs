using System.Globalization;
using System.Net;
using MimeKit;
using Scim.Grains.Interfaces.Platform;

namespace Scim.Grains.Mail;

/// <summary>
/// The e-mail that gives a user a temporary password: a text and an HTML part, from the tenant's platform. Names come
/// from clients, so they are cut to one line of reasonable length before they reach a header (MimeKit encodes the rest).
/// </summary>
public static class AccountMessage
{
    private const int MaxNameLength = 200;

    public static MimeMessage Build(MailKind kind, string from, string platform, MailboxAddress to, string userName, string password,
        DateTimeOffset expires, string signInUrl)
    {
        platform = OneLine(platform);
        var name = OneLine(string.IsNullOrWhiteSpace(to.Name) ? userName : to.Name);
        var opening = kind == MailKind.Invitation
            ? $"You have been invited to {platform}."
            : $"An account was made for you on {platform}.";
        var until = expires.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
        var text = $"""
            Hello {name},

            {opening}

            Sign in at: {signInUrl}
            Username: {userName}
            Temporary password: {password}

            The temporary password works until {until}. When you sign in with it, you choose your own password.
            """;
        var html = $"""
            <p>Hello {Html(name)},</p>
            <p>{Html(opening)}</p>
            <table role="presentation" cellpadding="4">
            <tr><td>Sign in at</td><td><a href="{Html(signInUrl)}">{Html(signInUrl)}</a></td></tr>
            <tr><td>Username</td><td><strong>{Html(userName)}</strong></td></tr>
            <tr><td>Temporary password</td><td><code>{Html(password)}</code></td></tr>
            </table>
            <p>The temporary password works until {Html(until)}. When you sign in with it, you choose your own password.</p>
            """;
        var message = new MimeMessage
        {
            Subject = kind == MailKind.Invitation ? $"Your invitation to {platform}" : $"Your account on {platform}",
            Body = new BodyBuilder { TextBody = text, HtmlBody = html }.ToMessageBody(),
        };
        message.From.Add(new MailboxAddress(platform, from));
        message.To.Add(new MailboxAddress(OneLine(to.Name ?? ""), to.Address));
        return message;
    }

    /// <summary>A client's name made fit for a header: control characters (line breaks above all) become spaces, and it is cut short.</summary>
    public static string OneLine(string name)
    {
        var line = string.Concat(name.Select(c => char.IsControl(c) ? ' ' : c)).Trim();
        return line.Length > MaxNameLength ? line[..MaxNameLength] : line;
    }

    private static string Html(string text) => WebUtility.HtmlEncode(text);
}
