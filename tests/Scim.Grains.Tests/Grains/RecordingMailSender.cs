using System.Collections.Concurrent;
using MimeKit;
using Scim.Grains.Mail;

namespace Scim.Grains.Tests.Grains;

/// <summary>
/// The mail sender of test clusters: it keeps every message "sent", from every silo of the process (TestCluster silos
/// share it), so a test can count what went out per address.
/// </summary>
public sealed class RecordingMailSender : IMailSender
{
    public static RecordingMailSender Shared { get; } = new();

    private readonly ConcurrentQueue<MimeMessage> sent = new();

    public Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        sent.Enqueue(message);
        return Task.CompletedTask;
    }

    public int CountTo(string address) => sent.Count(m => m.To.Mailboxes.Any(b => b.Address == address));

    /// <summary>Waits until every address has had a mail, or <paramref name="patience"/> has passed.</summary>
    public async Task WaitUntilEachHasMailAsync(IReadOnlyCollection<string> addresses, TimeSpan patience)
    {
        var until = DateTime.UtcNow + patience;
        while (addresses.Any(a => CountTo(a) == 0) && DateTime.UtcNow < until) await Task.Delay(100);
    }
}
