namespace Scim.Grains.Mail;

/// <summary>
/// How the silos send the mail the outbox holds (section "Scim:Mail"). With <see cref="Host"/> set, over SMTP; without
/// it (a single node trying things out), each message is written as an .eml file to <see cref="PickupFolder"/>.
/// </summary>
public sealed class MailOptions
{
    public const string Section = "Scim:Mail";

    /// <summary>The SMTP server; empty: write messages to <see cref="PickupFolder"/> instead.</summary>
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    /// <summary>StartTls (the default: required), Ssl (TLS from the first byte, usually port 465), Auto (STARTTLS when offered) or None.</summary>
    public MailSecurity Security { get; set; } = MailSecurity.StartTls;

    /// <summary>SMTP credentials, when the server asks for them.</summary>
    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>The sender's address; the display name is the tenant's platform name.</summary>
    public string From { get; set; } = "no-reply@localhost";

    public string PickupFolder { get; set; } = Path.Combine(Path.GetTempPath(), "scim-mail");

    /// <summary>Where people sign in: the service's public base URL (<c>Scim:PublicBaseUrl</c> unless set here).</summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>How long a temporary password signs in.</summary>
    public int TemporaryPasswordDays { get; set; } = 7;

    /// <summary>How long a message is retried after a transient failure before it is marked failed.</summary>
    public int GiveUpAfterHours { get; set; } = 24;

    /// <summary>
    /// At most this many messages per second from each silo: a first sync of thousands of users then spreads its mail
    /// over minutes, as mail relays expect, instead of taking a core from the creates that owe it.
    /// </summary>
    public int MaxPerSecond { get; set; } = 20;

    /// <summary>
    /// How long a dispatcher's claim on a message lasts: a silo that dies between claiming and marking a message holds it
    /// this long, after which another silo sends it (again, if the first had sent it just before dying). A dispatcher
    /// starts sends only in the first half of its claim, so that a live one is done with a message before it can pass on.
    /// </summary>
    public int LeaseSeconds { get; set; } = 120;
}

/// <summary>How the SMTP connection is secured.</summary>
public enum MailSecurity { StartTls, Ssl, Auto, None }
