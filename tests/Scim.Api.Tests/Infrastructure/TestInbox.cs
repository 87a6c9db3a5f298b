using System.Text.RegularExpressions;
using System.Buffers;
using System.Collections.Concurrent;
using MimeKit;
using SmtpServer;
using SmtpServer.ComponentModel;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Scim.Api.Tests.Infrastructure;

/// <summary>A real SMTP server in the test process (the SmtpServer package) that keeps every message it receives, parsed by MimeKit.</summary>
public sealed partial class TestInbox : IDisposable
{
    private readonly ConcurrentQueue<MimeMessage> received = new();
    private readonly CancellationTokenSource stop = new();

    public TestInbox()
    {
        Port = int.Parse(ScimApiFactory.FreePort(), System.Globalization.CultureInfo.InvariantCulture);
        var options = new SmtpServerOptionsBuilder().ServerName("localhost").Endpoint(e => e.Endpoint(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, Port))).Build();
        var services = new ServiceProvider();
        services.Add(new Store(this));
        _ = new SmtpServer.SmtpServer(options, services).StartAsync(stop.Token);
    }

    public int Port { get; }

    /// <summary>While set, the server answers every message with a transient 451, as a mail server in trouble does.</summary>
    public bool Refusing { get; set; }

    /// <summary>How many messages the server has turned away while refusing.</summary>
    public int Refused => refused;

    private int refused;

    /// <summary>The messages to an address so far.</summary>
    public IReadOnlyList<MimeMessage> To(string address) =>
        received.Where(m => m.To.Mailboxes.Any(b => b.Address.Equals(address, StringComparison.OrdinalIgnoreCase))).ToList();

    /// <summary>The temporary password a message carries.</summary>
    public static string TemporaryPasswordIn(MimeMessage mail) => TemporaryPassword().Match(mail.TextBody ?? "").Groups[1].Value;

    /// <summary>Waits for the first message to an address.</summary>
    public async Task<MimeMessage> WaitForAsync(string address, TimeSpan? timeout = null)
    {
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (DateTime.UtcNow < until)
        {
            if (To(address) is [var first, ..]) return first;
            await Task.Delay(50);
        }
        throw new TimeoutException($"No mail reached {address}.");
    }

    // The factory may be disposed twice (Dispose and DisposeAsync): stopping the server is idempotent.
    public void Dispose() => stop.Cancel();

    [GeneratedRegex(@"Temporary password: (\S+)")]
    private static partial Regex TemporaryPassword();

    private sealed class Store(TestInbox inbox) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer,
            CancellationToken cancellationToken)
        {
            if (inbox.Refusing)
            {
                Interlocked.Increment(ref inbox.refused);
                return new SmtpResponse((SmtpReplyCode)451, "Try again later");
            }
            using var stream = new MemoryStream(buffer.ToArray());
            inbox.received.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpResponse.Ok;
        }
    }
}
